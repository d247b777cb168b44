import { formatSkew, type EventDetail } from '../../contracts';
import { formatCount } from '../../lib/format-number';
import { displayValue } from '../../lib/reveal-invisibles';

/** Where the event came from, precisely enough to find the bytes again and prove they match. */
export function EventProvenance({ provenance }: { provenance: EventDetail['provenance'] }) {
  return (
    <dl className="field-list" data-testid="event-provenance">
      <div className="field">
        <dt>File</dt>
        <dd>{displayValue(provenance.file)}</dd>
      </div>
      {provenance.entry !== undefined && (
        <div className="field">
          <dt>Entry in archive</dt>
          <dd data-testid="provenance-entry">{displayValue(provenance.entry)}</dd>
        </div>
      )}
      {provenance.clockSkewMs !== undefined && provenance.clockSkewMs !== 0 && (
        <div className="field">
          <dt>Clock skew applied</dt>
          <dd className="mono" data-testid="provenance-skew">
            {formatSkew(provenance.clockSkewMs)} (time = time_original {provenance.clockSkewMs < 0 ? '−' : '+'}{' '}
            {formatSkew(Math.abs(provenance.clockSkewMs)).slice(1)})
          </dd>
        </div>
      )}
      <div className="field">
        <dt>Format</dt>
        <dd>{displayValue(provenance.format)}</dd>
      </div>
      <div className="field">
        <dt>Line / record</dt>
        <dd>{formatCount(provenance.line)}</dd>
      </div>
      <div className="field">
        <dt>Byte offset</dt>
        <dd className="mono">{provenance.byteOffset}</dd>
      </div>
      <div className="field">
        <dt>Byte length</dt>
        <dd className="mono">{provenance.byteLength}</dd>
      </div>
      <div className="field">
        <dt>Evidence SHA-256</dt>
        <dd className="mono hash">{displayValue(provenance.sha256)}</dd>
      </div>
    </dl>
  );
}
