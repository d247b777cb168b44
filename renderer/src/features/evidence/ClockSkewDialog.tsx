import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useModalDialog } from '../../components/use-modal-dialog';
import { formatSkew, parseSkew, type EvidenceSummary } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';

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
  const dialog = useModalDialog();
  const [text, setText] = useState(formatSkew(evidence.clock_skew_ms));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const skewMs = parseSkew(text);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (skewMs === null) return setError('Write the correction as ±HH:MM:SS, e.g. +00:05:00 when the device clock ran 5 minutes slow.');
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
        <h2>Clock skew: {displayValue(evidence.name)}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </header>
      <form onSubmit={submit} className="dialog-body registry-form">
        <p className="muted">
          The correction is added to every event time of this file (a device clock 5 minutes slow: +00:05:00). The
          times as written and as first normalized are kept; a new correction replaces the current one (
          {formatSkew(evidence.clock_skew_ms)}).
        </p>
        <label className="form-row">
          <span>Correction (±HH:MM:SS)</span>
          <input value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="clock-skew-value" />
        </label>
        <label className="form-row">
          <span>Reason (custody log)</span>
          <input
            value={reason}
            placeholder="e.g. host clock 5 min behind the domain controller (w32tm /stripchart)"
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
          Apply correction
        </button>
      </form>
    </dialog>
  );
}
