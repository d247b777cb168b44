import { formatSkew, type EventDetail } from '../../contracts';
import { formatCount } from '../../lib/format-number';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

// Column names of the schema: the same in every language.
const SKEW_FORMULA = 'time = time_original';

/** Where the event came from, precisely enough to find the bytes again and prove they match. */
export function EventProvenance({ provenance }: { provenance: EventDetail['provenance'] }) {
  const t = useT();
  return (
    <dl className="field-list" data-testid="event-provenance">
      <div className="field">
        <dt>{t('detail.file')}</dt>
        <dd>{displayValue(provenance.file)}</dd>
      </div>
      {provenance.entry !== undefined && (
        <div className="field">
          <dt>{t('detail.entry')}</dt>
          <dd data-testid="provenance-entry">{displayValue(provenance.entry)}</dd>
        </div>
      )}
      {provenance.clockSkewMs !== undefined && provenance.clockSkewMs !== 0 && (
        <div className="field">
          <dt>{t('detail.skew')}</dt>
          <dd className="mono" data-testid="provenance-skew">
            {formatSkew(provenance.clockSkewMs)} ({SKEW_FORMULA} {provenance.clockSkewMs < 0 ? '−' : '+'}{' '}
            {formatSkew(Math.abs(provenance.clockSkewMs)).slice(1)})
          </dd>
        </div>
      )}
      <div className="field">
        <dt>{t('detail.format')}</dt>
        <dd>{displayValue(provenance.format)}</dd>
      </div>
      <div className="field">
        <dt>{t('detail.line')}</dt>
        <dd>{formatCount(provenance.line)}</dd>
      </div>
      <div className="field">
        <dt>{t('detail.offset')}</dt>
        <dd className="mono">{provenance.byteOffset}</dd>
      </div>
      <div className="field">
        <dt>{t('detail.length')}</dt>
        <dd className="mono">{provenance.byteLength}</dd>
      </div>
      <div className="field">
        <dt>{t('detail.sha256')}</dt>
        <dd className="mono hash">{displayValue(provenance.sha256)}</dd>
      </div>
    </dl>
  );
}
