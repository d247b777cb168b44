// A MISP event (MISP core format, draft-dulaunoy-misp-core-format): the case as one event,
// each confirmed indicator an attribute with to_ids set (for detection and blocking), its source
// events and who confirmed it in the comment, first_seen/last_seen from the evidence. The
// event's threat level follows the case's severity; its analysis state follows the phase.
import type { Severity } from '../../../common/detect';
import { eventList, type ConfirmedIndicator, type ContainmentInput, type ContainmentOutput } from './types';
import { uuidv5 } from './uuid';

/** MISP threat_level_id: 1 High, 2 Medium, 3 Low, 4 Undefined. */
const THREAT: Record<Severity, string> = { critical: '1', high: '1', medium: '2', low: '3', informational: '4' };

function attributeType(i: ConfirmedIndicator): { type: string; category: string; value: string } {
  const web = i.source.split(',').includes('web_attacker');
  switch (i.type) {
    case 'ip':
    case 'cidr':
      if (web) return { type: 'ip-src', category: 'Network activity', value: i.value };
      return i.port !== null && i.type === 'ip'
        ? { type: 'ip-dst|port', category: 'Network activity', value: `${i.value}|${i.port}` }
        : { type: 'ip-dst', category: 'Network activity', value: i.value };
    case 'domain':
      return { type: 'domain', category: 'Network activity', value: i.value };
    case 'url':
      return { type: 'url', category: 'Network activity', value: i.value };
    default:
      return { type: i.type, category: 'Payload delivery', value: i.value };
  }
}

const epoch = (iso: string): string => String(Math.floor(Date.parse(iso) / 1000));

export function mispEvent(input: ContainmentInput): ContainmentOutput {
  const eventUuid = uuidv5(`misp-event\u0000${input.case.caseId}`);
  const attributes = input.indicators.map((i) => {
    const a = attributeType(i);
    return {
      uuid: uuidv5(`misp-attribute\u0000${input.case.caseId}\u0000${i.type}\u0000${i.value}`),
      type: a.type,
      category: a.category,
      value: a.value,
      to_ids: true,
      distribution: '5',
      timestamp: epoch(i.confirmed.time),
      comment: `${i.source || 'examiner'}; confirmed by ${i.confirmed.examiner} ${i.confirmed.time}; events ${eventList(i.event_ids) || 'none'}${i.confirmed.comment ? `; ${i.confirmed.comment}` : ''}`,
      ...(i.first_seen ? { first_seen: i.first_seen, last_seen: i.last_seen ?? i.first_seen } : {}),
    };
  });
  const event = {
    Event: {
      uuid: eventUuid,
      info: `Tracelight: ${input.case.name} — confirmed indicators`,
      date: input.now.slice(0, 10),
      threat_level_id: input.severity ? THREAT[input.severity] : '4',
      analysis: input.phase === 'closed' || input.phase === 'post-incident' ? '2' : '1',
      distribution: '0',
      published: false,
      timestamp: epoch(input.now),
      Attribute: attributes,
      Tag: [{ name: 'tlp:amber' }, { name: `tracelight:case="${input.case.caseId}"` }],
    },
  };
  return { text: `${JSON.stringify(event, null, 2)}\n`, skipped: [] };
}
