// Carbon Black EDR (Cb Response) JSON, one object per line: raw endpoint events written by
// cb-event-forwarder (ingress.event.*) and server bus messages (alerts, watchlist and feed
// hits, binary notices), either as captured from the bus or after the forwarder added `type`.
//
// Recognition. A forwarded message names itself in `type`. A raw bus message does not (its
// type was the AMQP routing key), so it is recognised by shape, following the messages in
// cb-event-forwarder's test/raw_data/json:
//   alert_type                            -> "alert." + alert_type (the routing key)
//   docs[] + watchlist_id + process_id    -> watchlist.storage.hit.process (hit at ingest)
//   docs[] + watchlist_id                 -> watchlist.hit.process|binary (hit by search job)
//   docs[] + feed_id, ioc_type "query"    -> feed.query.hit.process|binary
//   docs[] + feed_id                      -> feed.storage.hit.process|binary
//   feed_id + ioc_type, no docs           -> feed.ingress.hit.process|binary
//   md5 + scores + watchlists             -> binaryinfo.(host|group).observed
//   md5 + compressed_size + node_id       -> binarystore.file.added
// process vs binary: the docs hold process documents (process_name/unique_id/cmdline) or not.
// An inferred type is marked extra.type_inferred = true. A valid JSON object of this family
// whose type is new still becomes an event (category "other"); it is never rejected for that.
import type { LineFormat, ParseOutcome, ParsedEvent, RecordParser, SniffSample } from './types';
import { parseJsonLine } from './json-line';
import { lineVote } from './line-vote';
import { copyExtra, firstTime, has, isObj, text, type Obj } from './carbonblack-edr-common';
import { mapSensorEvent } from './carbonblack-edr-sensor';
import { mapBusMessage } from './carbonblack-edr-bus';

const CB_TYPE_RE = /^(?:ingress\.event\.|alert\.|watchlist\.|feed\.|binaryinfo\.|binarystore\.)/;
// Alerts and hits are category "alert"; binary notices and anything newer are "other".
const HIT_TYPE_RE = /^(?:alert|watchlist|feed)\./;

function docsKind(docs: unknown[]): 'process' | 'binary' {
  const d = docs.find(isObj);
  return d && (has(d, 'process_name') || has(d, 'unique_id') || has(d, 'cmdline')) ? 'process' : 'binary';
}

/** The message type and whether it was inferred from the object's shape. */
export function messageType(o: Obj): { type: string; inferred: boolean } | null {
  const declared = text(o, 'type');
  if (declared !== undefined) return { type: declared, inferred: false };
  const shaped = (type: string) => ({ type, inferred: true });
  const alertType = text(o, 'alert_type');
  if (alertType !== undefined) return shaped(`alert.${alertType}`);
  if (Array.isArray(o.docs)) {
    const kind = docsKind(o.docs);
    if (has(o, 'watchlist_id')) {
      return shaped(kind === 'process' && has(o, 'process_id') ? 'watchlist.storage.hit.process' : `watchlist.hit.${kind}`);
    }
    if (has(o, 'feed_id')) return shaped(o.ioc_type === 'query' ? `feed.query.hit.${kind}` : `feed.storage.hit.${kind}`);
  }
  if (has(o, 'feed_id') && has(o, 'ioc_type')) {
    return shaped(has(o, 'process_guid') || has(o, 'process_id') ? 'feed.ingress.hit.process' : 'feed.ingress.hit.binary');
  }
  if (has(o, 'md5') && has(o, 'scores') && has(o, 'watchlists')) {
    return shaped(has(o, 'hostname') ? 'binaryinfo.host.observed' : has(o, 'group') ? 'binaryinfo.group.observed' : 'binaryinfo.observed');
  }
  if (has(o, 'md5') && has(o, 'compressed_size') && has(o, 'node_id')) return shaped('binarystore.file.added');
  return null;
}

const CB_COMPANION_KEYS = ['process_guid', 'sensor_id', 'computer_name', 'docs', 'watchlist_id', 'feed_id', 'cb_server', 'cb_version'];

/** Strict enough for sniffing: keys only Cb EDR messages carry, not just any JSON log. */
function isCbEdrObject(o: Obj): boolean {
  const type = text(o, 'type');
  if (type !== undefined) {
    // A type like "alert.x" alone is too generic; require a Cb-shaped companion key.
    return CB_TYPE_RE.test(type) && CB_COMPANION_KEYS.some((k) => has(o, k));
  }
  const m = messageType(o);
  return m !== null;
}

const OTHER_TIME_KEYS = ['timestamp', 'event_timestamp', 'created_time'] as const;

function unknownEvent(o: Obj, line: string, type: string | undefined): ParsedEvent | string {
  const time = firstTime(o, line, OTHER_TIME_KEYS);
  if (!time) return 'no timestamp: expected timestamp, event_timestamp or created_time (epoch seconds or ISO-8601 with zone)';
  const e: ParsedEvent = { ts: time.ts, timeRaw: time.timeRaw, timeZone: 'UTC', category: 'other' };
  if (type) e.action = type;
  const host = text(o, 'computer_name') ?? text(o, 'hostname');
  if (host) e.host = host;
  const md5 = text(o, 'md5');
  e.message = `Carbon Black EDR message${type ? ` ${type}` : ' of unrecognised type'}${md5 ? `: ${md5}` : ''}`;
  const extra: Obj = {};
  copyExtra(extra, o, new Set([time.key, 'type']));
  e.extra = extra;
  return e;
}

function sniffLine(line: string): boolean {
  const t = line.trimStart();
  if (t.charCodeAt(0) !== 123 /* { */) return false;
  const parsed = parseJsonLine(t);
  return parsed.ok && isObj(parsed.value) && isCbEdrObject(parsed.value);
}

function createCarbonBlackEdrParser(): RecordParser {
  return {
    parseLine(line: string): ParseOutcome {
      const trimmed = line.trim();
      if (trimmed === '') return { kind: 'skip' };
      const parsed = parseJsonLine(trimmed);
      if (!parsed.ok) return { kind: 'reject', reason: `invalid JSON: ${parsed.error}` };
      const o = parsed.value;
      if (!isObj(o)) {
        return { kind: 'reject', reason: `not a JSON object (${Array.isArray(o) ? 'array' : o === null ? 'null' : typeof o})` };
      }
      const m = messageType(o);
      let events: ParsedEvent[] | string;
      if (m && m.type.startsWith('ingress.event.')) {
        const time = firstTime(o, trimmed, OTHER_TIME_KEYS);
        events = time ? [mapSensorEvent(m.type, o, time)] : 'no timestamp: expected timestamp (epoch seconds)';
      } else if (m && HIT_TYPE_RE.test(m.type)) {
        events = mapBusMessage(m.type, o, trimmed);
      } else {
        const one = unknownEvent(o, trimmed, m?.type);
        events = typeof one === 'string' ? one : [one];
      }
      if (typeof events === 'string') return { kind: 'reject', reason: events };
      if (m?.inferred) for (const e of events) (e.extra ??= {}).type_inferred = true;
      return { kind: 'events', events };
    },
  };
}

export const carbonBlackEdrFormat: LineFormat = {
  id: 'carbonblack-edr',
  name: 'Carbon Black EDR (Cb Response) JSON',
  family: 'edr',
  description:
    'Cb Response event-forwarder JSON (ingress.event.* endpoint events) and message-bus JSON (alerts, watchlist/feed hits with process documents), one object per line.',
  timeSemantics:
    'timestamp/event_timestamp are epoch seconds (UTC; endpoint events use the endpoint clock, hits the server clock); created_time/start are ISO-8601 with Z. The file time zone is not used.',
  sniff: (sample: SniffSample): number => lineVote(sample.lines, sniffLine),
  createParser: () => createCarbonBlackEdrParser(),
};
