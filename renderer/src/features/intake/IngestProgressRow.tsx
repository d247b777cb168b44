import { formatBytes } from '../../lib/format-bytes';
import { formatCount } from '../../lib/format-number';
import { displayValue } from '../../lib/reveal-invisibles';
import { CancelIngestButton } from './CancelIngestButton';
import { progressFraction, type IngestPhase, type IngestRow } from './ingest-rows';

const PHASE_LABEL: Record<IngestPhase, string> = {
  uploading: 'uploading',
  queued: 'queued',
  ingesting: 'ingesting',
  done: 'done',
  error: 'failed',
};

interface Props {
  row: IngestRow;
  onDismiss(key: string): void;
}

export function IngestProgressRow({ row, onDismiss }: Props) {
  const fraction = progressFraction(row);
  const finished = row.phase === 'done' || row.phase === 'error';
  return (
    <li className={`ingest-row phase-${row.phase}`} data-testid="ingest-row" data-phase={row.phase}>
      <span className="ingest-name" title={displayValue(row.path ?? row.name)}>
        {displayValue(row.name)}
      </span>
      <span className="ingest-phase">{PHASE_LABEL[row.phase]}</span>
      {/* Without a value the bar is indeterminate: uploads and not-yet-started files. */}
      {fraction === null ? (
        <progress aria-label={`${row.name} progress`} />
      ) : (
        <progress aria-label={`${row.name} progress`} value={fraction} max={1} />
      )}
      <span className="ingest-bytes num">
        {row.totalBytes > 0 ? `${formatBytes(row.bytesRead)} / ${formatBytes(row.totalBytes)}` : ''}
      </span>
      <span className="ingest-rate num">{row.phase === 'ingesting' ? `${formatCount(row.eventsPerSecond)} ev/s` : ''}</span>
      <span className="ingest-events num" data-testid="ingest-events">
        {formatCount(row.events)} events
      </span>
      <span className={row.rejected > 0 ? 'ingest-rejected num warn' : 'ingest-rejected num'}>
        {formatCount(row.rejected)} rejected
      </span>
      {row.error !== null && (
        <span className="ingest-error" role="alert" data-testid="ingest-error">
          {displayValue(row.error)}
        </span>
      )}
      {(row.phase === 'ingesting' || row.phase === 'queued') && <CancelIngestButton rowKey={row.key} name={row.name} />}
      {finished && (
        <button
          type="button"
          className="dismiss"
          onClick={() => onDismiss(row.key)}
          aria-label={`Dismiss ${row.name}`}
          data-testid="ingest-dismiss"
        >
          ×
        </button>
      )}
    </li>
  );
}
