import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { EvidenceEditableField, EvidenceSummary } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';
import '../../components/strings';

const FIELDS: { key: EvidenceEditableField }[] = [
  { key: 'exhibit' },
  { key: 'name' },
  { key: 'provided_by' },
  { key: 'acquired_at' },
  { key: 'acquired_how' },
  { key: 'source_host' },
];

interface Props {
  evidence: EvidenceSummary;
  readOnly: boolean;
  onClose(): void;
  onSaved(): void;
}

/** The registry fields an examiner maintains; every change is kept with its old value. */
export function EvidenceEditDialog({ evidence, readOnly, onClose, onSaved }: Props) {
  const client = useClient();
  const t = useT();
  const dialog = useModalDialog();
  const [values, setValues] = useState(() =>
    Object.fromEntries(FIELDS.map((f) => [f.key, String(evidence[f.key] ?? '')])) as Record<EvidenceEditableField, string>,
  );
  const [saved, setSaved] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const { value: history } = useEngineCall('evidence.history', { evidenceId: evidence.id }, saved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    client.call('evidence.edit', { evidenceId: evidence.id, changes: values }).then(
      () => {
        setSaved((n) => n + 1);
        onSaved();
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <dialog ref={dialog} className="modal-dialog" data-testid="evidence-edit-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>{t('evidence.registryEntry', { name: displayValue(evidence.name) })}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </header>
      <form onSubmit={submit} className="dialog-body registry-form">
        <p className="muted mono">
          {t('evidence.facts', { path: displayValue(evidence.path), size: evidence.size, mtime: evidence.mtime, sha256: evidence.sha256 })}
        </p>
        {FIELDS.map((f) => (
          <label key={f.key} className="form-row">
            <span>{t(`evidence.field.${f.key}`)}</span>
            <input
              value={values[f.key]}
              disabled={readOnly}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [f.key]: v }));
              }}
              data-testid={`evidence-field-${f.key}`}
            />
          </label>
        ))}
        {error && <p className="error-text" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={readOnly} data-testid="evidence-edit-save">
          {t('common.save')}
        </button>
        {saved > 0 && <span className="saved-text" data-testid="evidence-edit-saved">{t('common.saved')}</span>}
        <h3>{t('evidence.history')}</h3>
        <ul data-testid="evidence-history">
          {(history ?? []).map((h) => (
            <li key={h.id}>
              <span className="mono">{h.time}</span> {displayValue(h.examiner)}: {h.field} “{displayValue(h.old_value ?? '')}” → “
              {displayValue(h.new_value ?? '')}”
            </li>
          ))}
        </ul>
      </form>
    </dialog>
  );
}
