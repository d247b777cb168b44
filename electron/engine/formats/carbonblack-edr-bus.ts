// Carbon Black EDR server-side bus messages (JSON on the message bus, or the same after
// cb-event-forwarder added `type`): alert.*, watchlist.*, feed.* hits and other notices.
// Hits carrying docs[] (process or binary search documents) become one event per doc,
// as the forwarder itself does; alerts are flat and become one event.
import type { ParsedEvent } from './types';
import { baseName, toInt } from './fields';
import { copyExtra, firstTime, has, isObj, realHash, text, type CbTime, type Obj } from './carbonblack-edr-common';

// Mapped into normalized columns (or timeRaw), so not repeated in extra.
const PROCESS_DOC_KEYS = ['hostname', 'computer_name', 'username', 'process_name', 'path', 'cmdline', 'process_pid', 'parent_name'];

function whatHit(o: Obj): string {
  const watchlist = text(o, 'watchlist_name');
  const feed = text(o, 'feed_name');
  const report = text(o, 'report_id');
  // Cb files watchlist alerts under the pseudo-feed "My Watchlists".
  if (watchlist) return `watchlist "${watchlist}"`;
  if (feed) return `feed "${feed}"${report ? ` (report ${report})` : ''}`;
  return 'unnamed watchlist/feed';
}

/** Fill process columns from a process document or a flat alert. */
function fillProcess(e: ParsedEvent, o: Obj, pathKey: string, cmdKey: string, pidKey: string): void {
  const host = text(o, 'hostname') ?? text(o, 'computer_name');
  if (host) e.host = host;
  const user = text(o, 'username');
  if (user) e.user = user;
  const path = text(o, pathKey);
  if (path) e.process_path = path;
  const name = text(o, 'process_name') ?? (path ? baseName(path) : undefined);
  if (name) e.process_name = name;
  const cmd = text(o, cmdKey);
  if (cmd) e.process_command_line = cmd;
  const pid = toInt(o[pidKey]);
  if (pid !== undefined) e.process_pid = pid;
  const parent = text(o, 'parent_name');
  if (parent) e.parent_process_name = parent;
}

/** process_guid as the forwarder derives it: unique_id without its "-0000000N" segment suffix. */
function addProcessGuid(extra: Obj, doc: Obj): void {
  const id = text(doc, 'unique_id');
  if (id && id.length > 36 && !has(extra, 'process_guid')) extra.process_guid = id.slice(0, 36);
}

function alertEvent(type: string, o: Obj, time: CbTime): ParsedEvent {
  const alertType = text(o, 'alert_type') ?? type.replace(/^alert\./, '');
  const e: ParsedEvent = { ts: time.ts, timeRaw: time.timeRaw, timeZone: 'UTC', category: 'alert', action: type };
  const skip = new Set(['type', time.key, 'process_path', 'process_name', 'hostname', 'computer_name', 'username']);
  const isProcess = alertType.endsWith('.process');
  fillProcess(e, o, 'process_path', 'cmdline', 'process_pid');
  if (isProcess) {
    const md5 = realHash(text(o, 'md5'));
    if (md5) {
      e.process_hash = md5;
      skip.add('md5');
    }
  } else {
    // Binary alerts: md5 is the file's; observed_filename lists where it was seen.
    const seen = o.observed_filename;
    const first = Array.isArray(seen) && typeof seen[0] === 'string' ? seen[0] : undefined;
    if (first) e.file_path = first;
  }
  const severity = text(o, 'alert_severity');
  if (severity) {
    e.severity = severity;
    skip.add('alert_severity');
  }
  const subject = e.process_name ?? e.file_path ?? text(o, 'md5') ?? '?';
  e.message = `Alert ${alertType}: ${whatHit(o)} - ${subject}${e.host ? ` on ${e.host}` : ''}`;
  const extra: Obj = {};
  // As the forwarder does: the process GUID is process_id without a segment suffix.
  const processId = text(o, 'process_id');
  if (processId && processId.length >= 36) extra.process_guid = processId.slice(0, 36);
  copyExtra(extra, o, skip);
  e.extra = extra;
  return e;
}

function docEvent(type: string, o: Obj, doc: Obj | undefined, time: CbTime, timeInDoc: boolean): ParsedEvent {
  const e: ParsedEvent = { ts: time.ts, timeRaw: time.timeRaw, timeZone: 'UTC', category: 'alert', action: type };
  const topSkip = new Set(['type', 'docs']);
  if (!timeInDoc) topSkip.add(time.key);
  // Top-level process/host fields (feed.ingress hits carry them flat) first; the doc overrides.
  fillProcess(e, o, 'process_path', 'cmdline', 'process_pid');
  for (const k of ['hostname', 'computer_name', 'process_path', 'process_name', 'username']) topSkip.add(k);
  const docSkip = new Set<string>();
  if (timeInDoc) docSkip.add(time.key);
  if (doc) {
    fillProcess(e, doc, 'path', 'cmdline', 'process_pid');
    for (const k of PROCESS_DOC_KEYS) docSkip.add(k);
    const md5 = realHash(text(doc, 'process_md5'));
    if (md5) {
      e.process_hash = md5;
      docSkip.add('process_md5');
    }
    if (!e.process_name && !e.process_path) {
      // Binary documents: the file, not a process.
      const seen = doc.observed_filename;
      if (Array.isArray(seen) && typeof seen[0] === 'string') e.file_path = seen[0];
    }
  }
  const subject = e.process_name ?? e.file_path ?? (doc ? text(doc, 'md5') : undefined) ?? text(o, 'ioc_value') ?? '?';
  const verb = type.startsWith('watchlist.') || type.startsWith('feed.') ? 'hit' : 'message';
  e.message = `${capitalize(type.split('.')[0] ?? type)} ${verb}: ${whatHit(o)} - ${subject}${e.host ? ` on ${e.host}` : ''}`;
  const extra: Obj = {};
  copyExtra(extra, o, topSkip);
  if (doc) {
    addProcessGuid(extra, doc);
    copyExtra(extra, doc, docSkip);
  }
  e.extra = extra;
  return e;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Alerts: created_time is when the server raised the alert (event_timestamp is when the
// message was published); other messages: event_timestamp, or timestamp once forwarded.
const ALERT_TIME_KEYS = ['created_time', 'event_timestamp', 'timestamp'] as const;
const MESSAGE_TIME_KEYS = ['event_timestamp', 'timestamp', 'created_time'] as const;
const DOC_TIME_KEYS = ['start', 'last_update'] as const;
const NO_TIME = 'no timestamp: expected event_timestamp, timestamp or created_time (epoch seconds or ISO-8601 with zone)';

/**
 * One event per process/binary document, or one for the message when it has none.
 * The message's own time (when the server raised the hit) is the event time; a
 * document's time (process start) stands in only when the message has none.
 * Returns a reject reason when no time is found.
 */
export function mapBusMessage(type: string, o: Obj, line: string): ParsedEvent[] | string {
  if (type.startsWith('alert.') || has(o, 'alert_type')) {
    const time = firstTime(o, line, ALERT_TIME_KEYS);
    return time ? [alertEvent(type, o, time)] : NO_TIME;
  }
  const time = firstTime(o, line, MESSAGE_TIME_KEYS);
  const docs = Array.isArray(o.docs) ? o.docs.filter(isObj) : [];
  if (docs.length === 0) return time ? [docEvent(type, o, undefined, time, false)] : NO_TIME;
  const events: ParsedEvent[] = [];
  for (const doc of docs) {
    // Doc times are ISO strings; the line is only needed to recover number text.
    const t = time ?? firstTime(doc, '', DOC_TIME_KEYS);
    if (!t) return NO_TIME;
    events.push(docEvent(type, o, doc, t, time === null));
  }
  return events;
}

