import { useState } from 'react';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { FormatInfo } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { displayValue } from '../../lib/reveal-invisibles';
import { choiceProblem } from './intake-choices';
import { IntakeChoiceFields } from './IntakeChoiceFields';
import type { PendingFile } from './use-intake-options';
import { useT } from '../../i18n';
import './strings';
import '../../components/strings';

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
  const t = useT();
  const [rows, setRows] = useState(files);
  const problems = rows.map((r) => choiceProblem(r.choices, t));
  const blocked = problems.some((p) => p !== null);

  return (
    <dialog ref={dialog} className="modal-dialog intake-review" data-testid="intake-review" onClose={onCancel}>
      <header className="dialog-header">
        <h2>
          {t('intake.reviewHeading', { count: rows.length })}
        </h2>
      </header>
      <div className="dialog-body">
        <p className="muted">
          {t('intake.reviewHelp', { zone: caseZone })}
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
            {t('intake.ingest')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()} data-testid="intake-review-cancel">
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
