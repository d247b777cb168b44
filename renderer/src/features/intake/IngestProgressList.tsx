import type { IngestRow } from './ingest-rows';
import { IngestProgressRow } from './IngestProgressRow';
import { useT } from '../../i18n';
import './strings';

interface Props {
  rows: IngestRow[];
  onDismiss(key: string): void;
  onClearFinished(): void;
}

/** One row per file being (or recently) ingested; failures stay until dismissed. */
export function IngestProgressList({ rows, onDismiss, onClearFinished }: Props) {
  const t = useT();
  if (rows.length === 0) return null;
  const anyDone = rows.some((r) => r.phase === 'done');
  return (
    <section className="ingest-panel" aria-label={t('intake.progress')} data-testid="ingest-progress">
      <ul className="ingest-list">
        {rows.map((row) => (
          <IngestProgressRow key={row.key} row={row} onDismiss={onDismiss} />
        ))}
      </ul>
      {anyDone && (
        <button type="button" className="small" onClick={onClearFinished}>
          {t('intake.clearFinished')}
        </button>
      )}
    </section>
  );
}
