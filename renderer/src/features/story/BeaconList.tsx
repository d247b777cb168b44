import type { BeaconCandidate } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { EventLinks } from './EventLinks';
import { useT } from '../../i18n';
import './strings';

interface Props {
  beacons: BeaconCandidate[];
  selectedId: number | null;
  onSelect(eventId: number): void;
}

/** Regular contacts from a host to one destination, with the score's reasons. */
export function BeaconList({ beacons, selectedId, onSelect }: Props) {
  const t = useT();
  const say = useEngineText();
  if (beacons.length === 0) return null;
  return (
    <div className="summary-table" data-testid="beacons">
      <h3>{t('story.beacons', { count: beacons.length })}</h3>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('story.col.host')}</th>
              <th>{t('story.col.destination')}</th>
              <th className="num">{t('story.col.contacts')}</th>
              <th className="num">{t('story.col.interval')}</th>
              <th className="num">{t('story.col.score')}</th>
              <th>{t('story.col.range')}</th>
              <th>{t('story.col.why')}</th>
              <th>{t('story.col.events')}</th>
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
                <td className="num">{t('story.seconds', { count: b.interval_s.toFixed(0) })}</td>
                <td className="num">{b.score.toFixed(2)}</td>
                <td className="mono">
                  {b.first} – {b.last}
                </td>
                <td className="wrap">{b.reasons.map((r, i) => displayValue(say(b.reason_codes?.[i], r))).join('; ')}</td>
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
