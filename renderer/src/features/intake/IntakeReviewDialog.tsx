import { useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { FormatInfo } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { displayValue } from '../../lib/reveal-invisibles';
import { choiceProblem } from './intake-choices';
import { IntakeChoiceFields } from './IntakeChoiceFields';
import type { PendingFile } from './use-intake-options';

interface Props {
  files: PendingFile[];
  caseZone: string;
  formats: FormatInfo[];
  onConfirm(files: PendingFile[]): void;
  onCancel(): void;
}

/** Each added file with its own zone, encoding, format and base year, before any is read. */
export function IntakeReviewDialog({ files, caseZone, formats, onConfirm, onCancel }: Props) {
  const dialog = useModalDialog();
  const [rows, setRows] = useState(files);
  const problems = rows.map((r) => choiceProblem(r.choices));
  const blocked = problems.some((p) => p !== null);

  return (
    <dialog ref={dialog} className="modal-dialog intake-review" data-testid="intake-review" onClose={onCancel}>
      <header className="dialog-header">
        <h2>
          Ingest {rows.length} {rows.length === 1 ? 'file' : 'files'}
        </h2>
      </header>
      <div className="dialog-body">
        <p className="muted">
          Empty fields are detected: the zone is the case&apos;s ({caseZone}), the encoding and format come from the content,
          the base year is the file&apos;s modification year.
        </p>
        <ol className="intake-review-list">
          {rows.map((row, i) => (
            <li key={row.key} data-testid="intake-review-file">
              <strong>{displayValue(row.name)}</strong>
              {row.size !== null && <span className="muted"> · {formatBytes(row.size)}</span>}
              <IntakeChoiceFields
                value={row.choices}
                onChange={(choices) => setRows((old) => old.map((r, k) => (k === i ? { ...r, choices } : r)))}
                caseZone={caseZone}
                formats={formats}
                fileYear={row.year ?? undefined}
                testId={`intake-file-${i}`}
              />
              {problems[i] && (
                <p className="error-text" role="alert">
                  {problems[i]}
                </p>
              )}
            </li>
          ))}
        </ol>
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={blocked} onClick={() => onConfirm(rows)} data-testid="intake-review-ingest">
            Ingest
          </button>
          <button type="button" onClick={() => dialog.current?.close()} data-testid="intake-review-cancel">
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );
}
