import { formatBytes } from '../../lib/format-bytes';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { CancelIngestButton } from './CancelIngestButton';
import { IndicatorSkipped } from './IndicatorSkipped';
import { progressFraction, type IngestPhase, type IngestRow } from './ingest-rows';
import { useLocaleFormat, useT } from '../../i18n';
import './strings';

const PHASE_LABEL: Record<IngestPhase, string> = {
  uploading: 'intake.phase.uploading',
  queued: 'intake.phase.queued',
  ingesting: 'intake.phase.ingesting',
  done: 'intake.phase.done',
  error: 'intake.phase.error',
};

interface Props {
  row: IngestRow;
  onDismiss(key: string): void;
}

export function IngestProgressRow({ row, onDismiss }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const say = useEngineText();
  const fraction = progressFraction(row);
  const finished = row.phase === 'done' || row.phase === 'error';
  return (
    <li
      className={`ingest-row phase-${row.phase}${row.indicator ? ' indicator' : ''}`}
      data-testid="ingest-row"
      data-phase={row.phase}
      data-kind={row.indicator ? 'indicator' : 'log'}
    >
      <span className="ingest-name" title={displayValue(row.path ?? row.name)}>
        {displayValue(row.name)}
      </span>
      <span className="ingest-phase">{t(PHASE_LABEL[row.phase])}</span>
      {/* Without a value the bar is indeterminate: uploads and not-yet-started files. */}
      {fraction === null ? (
        <progress aria-label={t('intake.fileProgress', { name: row.name })} />
      ) : (
        <progress aria-label={t('intake.fileProgress', { name: row.name })} value={fraction} max={1} />
      )}
      <span className="ingest-bytes num">
        {row.totalBytes > 0 ? `${formatBytes(row.bytesRead)} / ${formatBytes(row.totalBytes)}` : ''}
      </span>
      <span className="ingest-rate num">{row.phase === 'ingesting' ? t('intake.rate', { count: number(row.eventsPerSecond) }) : ''}</span>
      {row.indicator ? (
        <span className="ingest-indicator" data-testid="ingest-indicator" title={row.indicator.sha256}>
          {t(row.indicator.alreadyKept ? 'intake.indicatorKnown' : 'intake.indicatorKept', {
            count: number(row.indicator.indicators),
            format: row.indicator.format.toUpperCase(),
          })}
        </span>
      ) : (
        <>
          <span className="ingest-events num" data-testid="ingest-events">
            {t('intake.events', { count: number(row.events) })}
          </span>
          <span className={row.rejected > 0 ? 'ingest-rejected num warn' : 'ingest-rejected num'}>
            {t('intake.rejected', { count: number(row.rejected) })}
          </span>
        </>
      )}
      {row.indicator && row.indicator.skipped > 0 && <IndicatorSkipped indicator={row.indicator} />}
      {row.error !== null && (
        <span className="ingest-error" role="alert" data-testid="ingest-error">
          {displayValue(say(row.errorCode, row.error))}
        </span>
      )}
      {(row.phase === 'ingesting' || row.phase === 'queued') && <CancelIngestButton rowKey={row.key} name={row.name} />}
      {finished && (
        <button
          type="button"
          className="dismiss"
          onClick={() => onDismiss(row.key)}
          aria-label={t('intake.dismiss', { name: row.name })}
          data-testid="ingest-dismiss"
        >
          ×
        </button>
      )}
    </li>
  );
}
