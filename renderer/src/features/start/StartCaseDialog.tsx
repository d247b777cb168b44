import { useId, useMemo, useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { CaseInfo } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import { formatBytes } from '../../lib/format-bytes';
import { browserTimeZone, isValidTimeZone, timeZoneNames } from '../../lib/time-zone';
import '../../components/strings';
import '../../app/strings';
import './strings';

interface Props {
  files: File[];
  /** Proposed name (date-based, unique); the examiner may change it. */
  name: string;
  examiner?: string;
  onOpened(info: CaseInfo, files: File[]): void;
  onCancel(): void;
}

/**
 * Files were dropped on the start screen: one question (the zone for timestamps that carry
 * none), then the case is created and the files go in.
 */
export function StartCaseDialog({ files, name: proposed, examiner, onOpened, onCancel }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const client = useClient();
  const dialog = useModalDialog();
  const id = useId();
  const zones = useMemo(timeZoneNames, []);
  const [name, setName] = useState(proposed);
  const [zone, setZone] = useState(browserTimeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bytes = files.reduce((n, f) => n + f.size, 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('app.nameRequired'));
    if (!isValidTimeZone(zone.trim())) return setError(t('app.unknownZone', { zone }));
    setBusy(true);
    setError(null);
    client.call('case.create', { name: name.trim(), timezone: zone.trim(), examiner }).then(
      (info) => onOpened(info, files),
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      },
    );
  };

  return (
    <dialog ref={dialog} className="modal-dialog start-case-dialog" data-testid="start-case-dialog" onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <header className="dialog-header">
          <h2>{t('start.title')}</h2>
        </header>
        <div className="dialog-body start-case-body">
          <p data-testid="start-case-files">{t('start.files', { count: number(files.length), size: formatBytes(bytes) })}</p>
          <ul className="start-file-list">
            {files.slice(0, 8).map((f, i) => (
              <li key={`${i}:${f.name}`} className="mono">
                {f.name}
              </li>
            ))}
            {files.length > 8 && <li className="muted">{t('start.moreFiles', { count: number(files.length - 8) })}</li>}
          </ul>
          <label htmlFor={`${id}-name`}>{t('app.caseName')}</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="start-case-name" />
          <label htmlFor={`${id}-zone`}>{t('start.zone')}</label>
          <input
            id={`${id}-zone`}
            list={`${id}-zones`}
            value={zone}
            onChange={(e) => setZone(e.currentTarget.value)}
            spellCheck={false}
            autoFocus
            data-testid="start-case-zone"
          />
          <datalist id={`${id}-zones`}>
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p className="muted small-text">{t('start.zoneHelp')}</p>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="dialog-footer">
          <button type="button" onClick={() => dialog.current?.close()} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="start-case-create">
            {busy ? t('app.creating') : t('start.create')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
