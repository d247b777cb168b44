// Windows Event XML as text: one <Event> element per line (wevtutil qe /f:xml, forwarders,
// the crowdsec sample), or pretty-printed over several lines (Event Viewer's XML view,
// Get-WinEvent | % ToXml()), optionally inside <Events>...</Events> with an <?xml?> line.
// A record runs from a line starting "<Event" to the line holding its "</Event>"; lines in
// between are joined through {kind:'more'}.
//
// Time: System/TimeCreated/@SystemTime is UTC ("2022-04-29T12:36:01.9027913Z"); Sysmon events
// use their UtcTime instead (see windowsEventTime). The file time zone is not used.
import type { LineFormat, ParseOutcome, ParsedEvent, SniffSample } from '../types';
import { windowsParsedEvent } from './event-mapping';
import { parseXmlElements, readEventElement } from './event-xml';

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const EVENT_START_RE = /^<(?:\w+:)?Event[\s>]/;
const EVENT_END_RE = /<\/(?:\w+:)?Event\s*>\s*$/;
/** Lines around the events that are not records. */
const WRAPPER_RE = /^(?:<\?xml[^>]*\?>\s*)?(?:<\/?(?:\w+:)?Events(?:\s[^>]*)?>\s*)*$/;

/** Events from one record's text (one or several <Event> elements). */
function parseEventXmlRecord(text: string): ParseOutcome {
  let roots;
  try {
    roots = parseXmlElements(text);
  } catch (err) {
    return { kind: 'reject', reason: `malformed Event XML: ${(err as Error).message}` };
  }
  const events: ParsedEvent[] = [];
  for (const root of roots.flatMap((r) => (r.name === 'Events' ? r.children : [r]))) {
    const ev = readEventElement(root);
    if (typeof ev === 'string') return { kind: 'reject', reason: ev };
    const event = windowsParsedEvent(ev.system, ev.data);
    if (typeof event === 'string') return { kind: 'reject', reason: event };
    if (ev.renderedMessage) event.extra!.rendered_message = ev.renderedMessage;
    events.push(event);
  }
  if (events.length === 0) return { kind: 'skip' };
  return { kind: 'events', events };
}

export const winEventXmlFormat: LineFormat = {
  id: 'windows-event-xml',
  name: 'Windows Event XML',
  family: 'windows',
  description: 'Windows events as XML text (wevtutil /f:xml, Event Viewer, forwarders): one <Event> per line or pretty-printed; Sysmon and Security events mapped.',
  timeSemantics:
    'System/TimeCreated/@SystemTime is UTC (Z); Sysmon events take their EventData UtcTime (UTC, the sensor clock) instead. The file time zone is not used.',
  sniff(sample: SniffSample): number {
    const first = sample.lines[0]?.trimStart() ?? '';
    if (!EVENT_START_RE.test(first) && !WRAPPER_RE.test(first)) return 0;
    const head = sample.lines.join('\n');
    // The Event schema's namespace and a System header: XML of this schema, not any XML.
    if (!head.includes(EVENT_NS) || !/<(?:\w+:)?System>/.test(head) || !/<(?:\w+:)?EventID[\s>]/.test(head)) return 0;
    return 0.95;
  },
  createParser() {
    return {
      parseLine(line: string): ParseOutcome {
        const t = line.trim();
        if (t === '' || WRAPPER_RE.test(t)) return { kind: 'skip' };
        // Strip an <Events> wrapper or XML declaration that shares the line with the event.
        const body = t.replace(/^(?:<\?xml[^>]*\?>\s*)?(?:<(?:\w+:)?Events(?:\s[^>]*)?>\s*)?/, '').replace(/\s*<\/(?:\w+:)?Events>$/, '');
        if (!EVENT_START_RE.test(body)) return { kind: 'reject', reason: 'expected an <Event> element' };
        if (!EVENT_END_RE.test(body)) return { kind: 'more' };
        return parseEventXmlRecord(body);
      },
    };
  },
};
