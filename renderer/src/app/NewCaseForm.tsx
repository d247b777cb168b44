import { useId, useMemo, useState, type FormEvent } from 'react';
import { useClient } from '../client/connection-context';
import { errorMessage } from '../client/engine-error';
import type { CaseInfo } from '../contracts';
import { browserTimeZone, isValidTimeZone, timeZoneNames } from '../lib/time-zone';
import { useT } from '../i18n';
import './strings';

/** Name + the zone assumed for timestamps that carry none (default: this machine's). */
export function NewCaseForm({ onCreated, examiner }: { onCreated(info: CaseInfo): void; examiner?: string }) {
  const client = useClient();
  const t = useT();
  const id = useId();
  const zones = useMemo(timeZoneNames, []);
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('app.nameRequired'));
    if (!isValidTimeZone(timezone)) return setError(t('app.unknownZone', { zone: timezone }));
    setBusy(true);
    setError(null);
    client.call('case.create', { name: trimmed, timezone: timezone.trim(), examiner }).then(onCreated, (e: unknown) => {
      setBusy(false);
      setError(errorMessage(e));
    });
  };

  return (
    <form className="card new-case" onSubmit={submit} data-testid="new-case-form" noValidate>
      <h2>{t('app.newCase')}</h2>
      <label htmlFor={`${id}-name`}>{t('app.caseName')}</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        placeholder={t('app.caseNamePlaceholder')}
        required
        autoFocus
        data-testid="new-case-name"
      />
      <label htmlFor={`${id}-tz`}>{t('app.caseZone')}</label>
      <input
        id={`${id}-tz`}
        list={`${id}-zones`}
        value={timezone}
        onChange={(e) => setTimezone(e.currentTarget.value)}
        spellCheck={false}
        data-testid="new-case-timezone"
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {error && <p className="error-text" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy} data-testid="new-case-submit">
        {busy ? t('app.creating') : t('app.createCase')}
      </button>
    </form>
  );
}
