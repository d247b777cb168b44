import type { IngestRow } from './ingest-rows';
import { IngestProgressRow } from './IngestProgressRow';

interface Props {
  rows: IngestRow[];
  onDismiss(key: string): void;
  onClearFinished(): void;
}

/** One row per file being (or recently) ingested; failures stay until dismissed. */
export function IngestProgressList({ rows, onDismiss, onClearFinished }: Props) {
  if (rows.length === 0) return null;
  const anyDone = rows.some((r) => r.phase === 'done');
  return (
    <section className="ingest-panel" aria-label="Ingest progress" data-testid="ingest-progress">
      <ul className="ingest-list">
        {rows.map((row) => (
          <IngestProgressRow key={row.key} row={row} onDismiss={onDismiss} />
        ))}
      </ul>
      {anyDone && (
        <button type="button" className="small" onClick={onClearFinished}>
          Clear finished
        </button>
      )}
    </section>
  );
}
