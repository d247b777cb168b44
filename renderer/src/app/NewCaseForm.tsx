import { useId, useMemo, useState, type FormEvent } from 'react';
import { useClient } from '../client/connection-context';
import { errorMessage } from '../client/engine-error';
import type { CaseInfo } from '../contracts';
import { browserTimeZone, isValidTimeZone, timeZoneNames } from '../lib/time-zone';

/** Name + the zone assumed for timestamps that carry none (default: this machine's). */
export function NewCaseForm({ onCreated, examiner }: { onCreated(info: CaseInfo): void; examiner?: string }) {
  const client = useClient();
  const id = useId();
  const zones = useMemo(timeZoneNames, []);
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(browserTimeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the case a name.');
    if (!isValidTimeZone(timezone)) return setError(`Unknown time zone: ${timezone}`);
    setBusy(true);
    setError(null);
    client.call('case.create', { name: trimmed, timezone: timezone.trim(), examiner }).then(onCreated, (e: unknown) => {
      setBusy(false);
      setError(errorMessage(e));
    });
  };

  return (
    <form className="card new-case" onSubmit={submit} data-testid="new-case-form" noValidate>
      <h2>New case</h2>
      <label htmlFor={`${id}-name`}>Case name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        placeholder="e.g. 2026-10 Emotet 本社"
        required
        autoFocus
        data-testid="new-case-name"
      />
      <label htmlFor={`${id}-tz`}>Time zone for timestamps without one</label>
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
        {busy ? 'Creating…' : 'Create case'}
      </button>
    </form>
  );
}
