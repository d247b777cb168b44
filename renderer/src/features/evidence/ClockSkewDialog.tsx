import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useModalDialog } from '../../components/use-modal-dialog';
import { formatSkew, parseSkew, type EvidenceSummary } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';
import '../../components/strings';

interface Props {
  evidence: EvidenceSummary;
  onClose(): void;
  onSaved(): void;
}

/**
 * Corrects one evidence file's clock afterwards: the correction is added to every event's
 * time (time_original and time_raw stay as they are), replaces any earlier correction, and
 * is recorded in the custody log with the reason.
 */
export function ClockSkewDialog({ evidence, onClose, onSaved }: Props) {
  const client = useClient();
  const t = useT();
  const dialog = useModalDialog();
  const [text, setText] = useState(formatSkew(evidence.clock_skew_ms));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const skewMs = parseSkew(text);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (skewMs === null) return setError(t('evidence.skewInvalid'));
    setBusy(true);
    setError(null);
    client.call('evidence.skew', { evidenceId: evidence.id, skewMs, reason }).then(
      () => {
        onSaved();
        dialog.current?.close();
      },
      (e: unknown) => {
        setBusy(false);
        setError(errorMessage(e));
      },
    );
  };

  return (
    <dialog ref={dialog} className="modal-dialog" data-testid="clock-skew-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>{t('evidence.skewHeading', { name: displayValue(evidence.name) })}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </header>
      <form onSubmit={submit} className="dialog-body registry-form">
        <p className="muted">
          {t('evidence.skewHelp', { current: formatSkew(evidence.clock_skew_ms) })}
        </p>
        <label className="form-row">
          <span>{t('evidence.skewValue')}</span>
          <input value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="clock-skew-value" />
        </label>
        <label className="form-row">
          <span>{t('evidence.skewReason')}</span>
          <input
            value={reason}
            placeholder={t('evidence.skewReasonPlaceholder')}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="clock-skew-reason"
          />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || skewMs === null} data-testid="clock-skew-apply">
          {t('evidence.skewApply')}
        </button>
      </form>
    </dialog>
  );
}
