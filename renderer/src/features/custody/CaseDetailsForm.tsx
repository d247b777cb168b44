import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import type { CaseEditableField, CaseInfo } from '../../contracts';
import { useT } from '../../i18n';
import './strings';

const FIELDS: readonly { key: CaseEditableField }[] = [
  { key: 'name' },
  { key: 'caseNumber' },
  { key: 'organization' },
  { key: 'examiners' },
  { key: 'timezone' },
];

/** Case metadata; every saved change is a case.edited custody entry with old and new values. */
export function CaseDetailsForm({ caseInfo, onCaseInfo }: { caseInfo: CaseInfo; onCaseInfo(info: CaseInfo): void }) {
  const client = useClient();
  const t = useT();
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
        setMessage(t('custody.saved'));
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <form className="view-panel case-details" onSubmit={submit} data-testid="case-details">
      <dl className="case-facts">
        <dt>{t('custody.caseId')}</dt>
        <dd className="mono">{caseInfo.caseId}</dd>
        <dt>{t('custody.created')}</dt>
        <dd className="mono">{caseInfo.createdAt}</dd>
        <dt>{t('custody.file')}</dt>
        <dd className="mono">{caseInfo.path}</dd>
      </dl>
      {FIELDS.map((f) => (
        <label key={f.key} className="form-row">
          <span>{t(`custody.field.${f.key}`)}</span>
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
        {t('custody.saveDetails')}
      </button>
      {message && <span className="saved-text" data-testid="case-details-saved">{message}</span>}
    </form>
  );
}
