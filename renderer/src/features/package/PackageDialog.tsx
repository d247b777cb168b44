import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { desktopBridge } from '../../client/desktop-bridge';
import { CopyButton } from '../../components/CopyButton';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { PackageExportArgs, PackageExportResult } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { useActionResult } from '../../lib/use-action-result';
import { displayValue } from '../../lib/reveal-invisibles';
import '../../styles/export.css';
import { useLang, useT } from '../../i18n';
import '../export/strings';
import '../../components/strings';

interface Props {
  caseName: string;
  readOnly: boolean;
  onClose(): void;
  onExported(): void;
}

/** A download name for the package: the case name, safe on every file system. */
export function packageFileName(caseName: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = caseName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim() || 'case';
  return `${safe}-evidence-package.zip`;
}

/**
 * The evidence package for the legal team: the originals (re-checked against their ingest
 * hashes), the report and workbook, the custody log, the case, manifests and SHA256SUMS.
 */
export function PackageDialog({ caseName, readOnly, onClose, onExported }: Props) {
  const client = useClient();
  const t = useT();
  const { lang } = useLang();
  const dialog = useModalDialog();
  const [language, setLanguage] = useState<PackageExportArgs['language']>(lang);
  const [detection, setDetection] = useState<PackageExportArgs['detection']>('last');
  const [includeOriginals, setIncludeOriginals] = useState(true);
  const { busy, error, result, run: runAction } = useActionResult<PackageExportResult>();

  const run = () =>
    runAction(async () => {
      const bridge = desktopBridge();
      let target: string | undefined;
      if (bridge) {
        const chosen = await bridge.saveFile(packageFileName(caseName));
        if (!chosen) return undefined; // cancelled: nothing is written
        target = chosen;
      }
      // The native dialog already asked before replacing an existing file.
      const done = await client.call('package.export', { language, detection, includeOriginals, path: target, overwrite: target !== undefined });
      onExported();
      return done;
    });

  return (
    <dialog ref={dialog} className="modal-dialog export-dialog" data-testid="package-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>{t('package.title')}</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('common.close')}>
          {t('common.close')}
        </button>
      </header>
      <div className="dialog-body export-form">
        <p className="muted">
          {t('package.help')}
        </p>
        <label>
          {t('export.language')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value === 'ja' ? 'ja' : 'en')} data-testid="package-language">
            <option value="en">{t('common.english')}</option>
            <option value="ja">日本語</option>
          </select>
        </label>
        <label>
          {t('export.findings')}{' '}
          <select value={detection} onChange={(e) => setDetection(e.target.value as PackageExportArgs['detection'])} data-testid="package-detection">
            <option value="last">{t('export.detection.last')}</option>
            <option value="run">{t('export.detection.run')}</option>
            <option value="none">{t('export.detection.none')}</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={includeOriginals} onChange={() => setIncludeOriginals((v) => !v)} data-testid="package-originals" /> {t('package.originals')}
        </label>
        {readOnly && <p className="muted">{t('package.readOnly')}</p>}
        {error && (
          <p className="error-text" role="alert" data-testid="package-error">
            {error}
          </p>
        )}
        {result && (
          <div className="export-results" data-testid="package-result">
            {result.notRecordedReason && <p className="muted">{t('export.notRecorded', { reason: displayValue(result.notRecordedReason) })}</p>}
            <p>
              {result.download ? (
                <a href={result.download.replace(/^\//, '')} download={result.name} data-testid="package-download">
                  {displayValue(result.name)}
                </a>
              ) : (
                <span className="mono">{displayValue(result.path)}</span>
              )}{' '}
              {t('package.summary', { files: result.files, size: formatBytes(result.bytes) })}
            </p>
            <p>
              SHA-256 <span className="mono" data-testid="package-sha256">{result.sha256}</span> <CopyButton text={result.sha256} label="SHA-256" />
            </p>
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" onClick={run} disabled={busy} data-testid="package-run">
          {busy ? t('package.packaging') : t('package.run')}
        </button>
      </footer>
    </dialog>
  );
}
