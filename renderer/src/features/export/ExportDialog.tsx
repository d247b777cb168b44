import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { desktopBridge } from '../../client/desktop-bridge';
import { CopyButton } from '../../components/CopyButton';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { EventFilter, ExportFormat, ExportRunResult } from '../../contracts';
import { EXPORT_FORMATS } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { useActionResult } from '../../lib/use-action-result';
import '../../styles/export.css';
import { chosenFormats, defaultFileName, exportArgs, filterApplies, type ExportChoices } from './export-plan';
import { useLang, useT } from '../../i18n';
import './strings';
import '../../components/strings';

interface Props {
  caseName: string;
  readOnly: boolean;
  /** The timeline's current filter, offered for the row exports. */
  filter: EventFilter | undefined;
  onClose(): void;
  onExported(): void;
}

const INITIAL: ExportChoices = {
  formats: { pdf: true, xlsx: true, csv: false, timesketch: false },
  language: 'en',
  detection: 'last',
  useFilter: false,
};

/**
 * Choose formats, report language and detection, then export. Desktop: a native save dialog per
 * file. Browser (serve): the engine writes into the case's exports folder; the files are
 * downloaded from there with the session cookie.
 */
export function ExportDialog({ caseName, readOnly, filter, onClose, onExported }: Props) {
  const client = useClient();
  const t = useT();
  const { lang } = useLang();
  const dialog = useModalDialog();
  // The report speaks the examiner's language unless they choose otherwise.
  const [choices, setChoices] = useState<ExportChoices>(() => ({ ...INITIAL, language: lang }));
  const { busy, error, result, run: runAction } = useActionResult<ExportRunResult>();

  const toggle = (f: ExportFormat) => setChoices((c) => ({ ...c, formats: { ...c.formats, [f]: !c.formats[f] } }));

  const run = () =>
    runAction(async () => {
      const bridge = desktopBridge();
      let paths: Partial<Record<ExportFormat, string>> | undefined;
      if (bridge) {
        paths = {};
        for (const f of chosenFormats(choices)) {
          const chosen = await bridge.saveFile(defaultFileName(caseName, f));
          if (!chosen) return undefined; // cancelled: nothing is written
          paths[f] = chosen;
        }
      }
      const done = await client.call('export.run', exportArgs(choices, filter, paths));
      onExported();
      return done;
    });

  const nothingChosen = chosenFormats(choices).length === 0;
  return (
    <dialog ref={dialog} className="modal-dialog export-dialog" data-testid="export-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>{t('export.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('common.close')}>
          {t('common.close')}
        </button>
      </header>
      <div className="dialog-body export-form">
        <fieldset>
          <legend>{t('export.files')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={choices.formats[f]} onChange={() => toggle(f)} data-testid={`export-${f}`} /> {t(`export.format.${f}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('export.language')}{' '}
          <select
            value={choices.language}
            onChange={(e) => setChoices((c) => ({ ...c, language: e.target.value === 'ja' ? 'ja' : 'en' }))}
            data-testid="export-language"
          >
            <option value="en">{t('common.english')}</option>
            <option value="ja">日本語</option>
          </select>
        </label>
        <label>
          {t('export.findings')}{' '}
          <select
            value={choices.detection}
            onChange={(e) => setChoices((c) => ({ ...c, detection: e.target.value as ExportChoices['detection'] }))}
            data-testid="export-detection"
          >
            <option value="last">{t('export.detection.last')}</option>
            <option value="run">{t('export.detection.run')}</option>
            <option value="none">{t('export.detection.none')}</option>
          </select>
        </label>
        {filter && filterApplies(choices) && (
          <label>
            <input
              type="checkbox"
              checked={choices.useFilter}
              onChange={() => setChoices((c) => ({ ...c, useFilter: !c.useFilter }))}
              data-testid="export-use-filter"
            />{' '}
            {t('export.useFilter')}
          </label>
        )}
        {readOnly && <p className="muted">{t('export.readOnly')}</p>}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {result && <ExportResults result={result} />}
      </div>
      <footer className="dialog-footer">
        <button type="button" onClick={run} disabled={busy || nothingChosen} data-testid="export-run">
          {busy ? t('export.exporting') : t('export.run')}
        </button>
      </footer>
    </dialog>
  );
}

function ExportResults({ result }: { result: ExportRunResult }) {
  const t = useT();
  return (
    <div className="export-results" data-testid="export-results">
      {result.notRecordedReason && <p className="muted">{t('export.notRecorded', { reason: result.notRecordedReason })}</p>}
      {!result.detectionIncluded && <p className="muted">{t('export.noFindings')}</p>}
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('export.col.file')}</th>
            <th className="num">{t('export.col.size')}</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {result.files.map((f) => (
            <tr key={f.path} data-testid="export-file">
              <td>
                {f.download ? (
                  <a className="export-file-name" href={f.download} download={f.name} data-testid={`export-download-${f.kind}`}>
                    {f.name}
                  </a>
                ) : (
                  f.path
                )}
              </td>
              <td className="num">{formatBytes(f.bytes)}</td>
              <td>
                <span className="export-hash">
                  <code className="hash">{f.sha256}</code>
                  <CopyButton text={f.sha256} label={t('export.copySha', { name: f.name })} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
