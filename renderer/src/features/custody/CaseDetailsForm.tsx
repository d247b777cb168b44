import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import type { CaseEditableField, CaseInfo } from '../../contracts';

const FIELDS: { key: CaseEditableField; label: string }[] = [
  { key: 'name', label: 'Title' },
  { key: 'caseNumber', label: 'Case number' },
  { key: 'organization', label: 'Organization' },
  { key: 'examiners', label: 'Examiners' },
  { key: 'timezone', label: 'Time zone (for timestamps without one, in later ingests)' },
];

/** Case metadata; every saved change is a case.edited custody entry with old and new values. */
export function CaseDetailsForm({ caseInfo, onCaseInfo }: { caseInfo: CaseInfo; onCaseInfo(info: CaseInfo): void }) {
  const client = useClient();
  const initial = (): Record<CaseEditableField, string> => ({
    name: caseInfo.name,
    caseNumber: caseInfo.caseNumber,
    organization: caseInfo.organization,
    examiners: caseInfo.examiners,
    timezone: caseInfo.timezone,
  });
  const [values, setValues] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    client.call('case.edit', { changes: values }).then(
      (info) => {
        onCaseInfo(info);
        setMessage('Saved.');
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <form className="view-panel case-details" onSubmit={submit} data-testid="case-details">
      <dl className="case-facts">
        <dt>Case id</dt>
        <dd className="mono">{caseInfo.caseId}</dd>
        <dt>Created (UTC)</dt>
        <dd className="mono">{caseInfo.createdAt}</dd>
        <dt>File</dt>
        <dd className="mono">{caseInfo.path}</dd>
      </dl>
      {FIELDS.map((f) => (
        <label key={f.key} className="form-row">
          <span>{f.label}</span>
          <input
            value={values[f.key]}
            disabled={caseInfo.readOnly}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((old) => ({ ...old, [f.key]: v }));
              setMessage(null);
            }}
            data-testid={`case-field-${f.key}`}
          />
        </label>
      ))}
      {error && <p className="error-text" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={caseInfo.readOnly} data-testid="case-details-save">
        Save case details
      </button>
      {message && <span className="saved-text" data-testid="case-details-saved">{message}</span>}
    </form>
  );
}
