import { useEffect, useState } from 'react';
import type { IngestRow } from './ingest-rows';
import { IngestProgressRow } from './IngestProgressRow';
import { useLocaleFormat, useT } from '../../i18n';
import './strings';

/** How long the summary of a finished, clean ingest stays up. */
const REST_AFTER_MS = 8000;

interface Props {
  rows: IngestRow[];
  onDismiss(key: string): void;
  onClearFinished(): void;
}

/**
 * Ingest progress as a strip floating over the bottom of the window: it never takes height
 * from the grid. The per-file rows show while a file is still being read or has failed (a
 * failure, or a note such as a zip's skipped entries, stays until dismissed); once all are done the strip folds to one summary line the
 * examiner can open again, and a few seconds later rests out of the way (the Evidence view
 * keeps the results); new files or a failure bring it back.
 */
export function IngestProgressList({ rows, onDismiss, onClearFinished }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  // null: follow the work (open while busy or failed); true/false: the examiner's choice.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const [resting, setResting] = useState(false);
  const busy = rows.filter((r) => r.phase !== 'done' && r.phase !== 'error').length;
  const failed = rows.filter((r) => r.phase === 'error').length;
  // A finished file with a note (a zip's skipped entries, an indicator file's skipped rows)
  // needs reading as much as a failure.
  const noted = rows.filter((r) => r.error !== null || (r.indicator?.skipped ?? 0) > 0).length;
  const quiet = rows.length > 0 && busy === 0 && noted === 0 && chosen !== true;
  useEffect(() => {
    setResting(false);
    if (!quiet) return undefined;
    const timer = setTimeout(() => setResting(true), REST_AFTER_MS);
    return () => clearTimeout(timer);
  }, [quiet, rows.length]);
  if (rows.length === 0) return null;
  const done = rows.filter((r) => r.phase === 'done').length;
  const events = rows.reduce((n, r) => n + r.events, 0);
  const open = chosen ?? (busy > 0 || noted > 0);
  const summary = busy > 0
    ? t('intake.strip.busy', { busy: number(busy), total: number(rows.length) })
    : t('intake.strip.done', { done: number(done), events: number(events) });
  return (
    <section hidden={resting} className={open ? 'ingest-panel open' : 'ingest-panel'} aria-label={t('intake.progress')} data-testid="ingest-progress">
      <div className="ingest-strip">
        <span className="ingest-summary" data-testid="ingest-summary" role="status">{summary}</span>
        {failed > 0 && <span className="ingest-failed-count">{t('intake.strip.failed', { count: number(failed) })}</span>}
        <button type="button" className="small" aria-expanded={open} onClick={() => setChosen(!open)} data-testid="ingest-toggle">
          {t(open ? 'intake.strip.hide' : 'intake.strip.show')}
        </button>
        {done > 0 && (
          <button type="button" className="small" onClick={onClearFinished}>
            {t('intake.clearFinished')}
          </button>
        )}
      </div>
      {/* Folded rows stay in the document (hidden) so their results remain readable to tools. */}
      <ul className="ingest-list" hidden={!open}>
        {rows.map((row) => (
          <IngestProgressRow key={row.key} row={row} onDismiss={onDismiss} />
        ))}
      </ul>
    </section>
  );
}
