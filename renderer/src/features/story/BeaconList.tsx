import type { BeaconCandidate } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { EventLinks } from './EventLinks';

interface Props {
  beacons: BeaconCandidate[];
  selectedId: number | null;
  onSelect(eventId: number): void;
}

/** Regular contacts from a host to one destination, with the score's reasons. */
export function BeaconList({ beacons, selectedId, onSelect }: Props) {
  if (beacons.length === 0) return null;
  return (
    <div className="summary-table" data-testid="beacons">
      <h3>Beacon candidates ({beacons.length})</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>Host</th>
              <th>Destination</th>
              <th className="num">Contacts</th>
              <th className="num">Interval</th>
              <th className="num">Score</th>
              <th>From – to (UTC)</th>
              <th>Why</th>
              <th>Events</th>
            </tr>
          </thead>
          <tbody>
            {beacons.map((b, i) => (
              <tr key={i} data-testid="beacon">
                <td>{displayValue(b.host ?? b.src_ip)}</td>
                <td className="mono">
                  {displayValue(b.destination)}
                  {b.dst_port !== null && `:${b.dst_port}`}
                </td>
                <td className="num">{b.count}</td>
                <td className="num">{b.interval_s.toFixed(0)} s</td>
                <td className="num">{b.score.toFixed(2)}</td>
                <td className="mono">
                  {b.first} – {b.last}
                </td>
                <td>{b.reasons.map((r) => displayValue(r)).join('; ')}</td>
                <td>
                  <EventLinks ids={b.event_ids} selectedId={selectedId} onSelect={onSelect} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
