// Windows events (Sysmon, Security, any channel) as JSON, one object per line, in the two
// shapes collectors write:
// - flat (OTRF / Mordor Security-Datasets, NXLog im_msvistalog): System fields and EventData
//   fields side by side at the top level: EventID, SourceName, Hostname, Channel, TimeCreated
//   or EventTime, Message, plus Image, CommandLine, TargetObject...
// - Winlogbeat / ECS: {"@timestamp", "winlog": {"event_id", "provider_name", "computer_name",
//   "channel", "record_id", "event_data": {...} | "user_data": {...}}, "host": {"name"}, ...}
//   (field names from the Winlogbeat exported-fields reference).
// Both are mapped by mapWindowsEvent, as EVTX and Event XML are.
//
// Time. Sysmon events take UtcTime (UTC by Sysmon's definition) whenever present: the OTRF
// datasets write TimeCreated/@timestamp with a "Z" although they hold the collector's local
// time (TimeCreated 02:36:43.547Z next to UtcTime 06:36:43.542 in a UTC-4 lab), so a "Z"
// in these files cannot be trusted where a better clock exists. Other events take TimeCreated,
// then @timestamp, as written (their zone as stated; the original is kept in extra, so a
// per-file clock-skew correction can fix a mislabelled zone later). A zone-less EventTime
// (NXLog) takes the file's time zone.
import type { LineFormat, ParseContext, ParseOutcome, SniffSample } from '../types';
import { jsonObjectLineParser, parseJsonObjectLine } from '../json-line';
import { lineVote } from '../line-vote';
import { setField } from '../fields';
import { parseZonelessIso, wallTimeToUtc } from '../../time/zone';
import { mapWindowsEvent, windowsEventTime, type WindowsEventSystem, type WindowsEventTime } from './event-mapping';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function eventIdOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535) return v;
  if (typeof v === 'string' && /^\d{1,5}$/.test(v)) return Number(v);
  return undefined;
}

/** Data values as Windows renders them: text; nested values (rare) as JSON text. */
function dataValue(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A zone-less "2020-10-22 02:57:59" in the file's zone (NXLog's EventTime). */
function zonelessTime(text: string, zone: string): WindowsEventTime | null {
  const t = parseZonelessIso(text);
  if (!t) return null;
  return { ts: wallTimeToUtc(t, zone), timeRaw: text, timeZone: `${zone} (assumed)`, source: 'EventTime' };
}

function toEvents(system: WindowsEventSystem, data: Record<string, string>, ctx: ParseContext, fallbackTimes: (string | undefined)[], keep: Obj): ParseOutcome {
  let time = windowsEventTime(system, data);
  for (const t of fallbackTimes) {
    if (time || !t) continue;
    time = windowsEventTime({ ...system, timeCreated: t }, {}) ?? zonelessTime(t, ctx.timezone);
  }
  if (!time) return { kind: 'reject', reason: 'no usable time: expected UtcTime (Sysmon), TimeCreated, @timestamp or EventTime' };
  const fields = mapWindowsEvent(system, data);
  // The rendered text's first line says more than "<provider> <id>" for unmapped events.
  const rendered = typeof keep.Message === 'string' ? keep.Message : typeof keep.message === 'string' ? keep.message : undefined;
  const firstLine = rendered?.split(/\r?\n/, 1)[0]?.trim();
  if (firstLine && fields.message?.startsWith(`${system.provider} ${system.eventId}`)) fields.message = firstLine;
  for (const [k, v] of Object.entries(keep)) {
    if (v !== undefined && v !== null && v !== '' && v !== time.timeRaw) setField(fields.extra, k, v);
  }
  return { kind: 'events', events: [{ ...fields, ts: time.ts, timeRaw: time.timeRaw, timeZone: time.timeZone }] };
}

// ---- flat (OTRF / NXLog) ----

const PROVIDER_KEYS = ['SourceName', 'ProviderName', 'Provider_Name'] as const;
const HOST_KEYS = ['Hostname', 'Computer', 'ComputerName'] as const;
/** System-level keys of the flat shape; everything else is event data. */
const FLAT_SYSTEM_KEYS = new Set([
  'EventID', ...PROVIDER_KEYS, ...HOST_KEYS, 'Channel', 'TimeCreated', '@timestamp', 'EventTime', 'EventReceivedTime',
  'Message', 'Task', 'Level', 'Keywords', 'ProviderGuid', 'RecordNumber', 'EventRecordID', 'Opcode', 'OpcodeValue',
  'Severity', 'SeverityValue', 'SourceModuleName', 'SourceModuleType', '@version', 'Version', 'ExecutionProcessID',
  'ExecutionThreadID', 'ThreadID', 'Category', 'AccountName', 'AccountType', 'UserID', 'Domain',
]);
/** System keys worth keeping in extra (the mapping already records provider, id, channel). */
const FLAT_KEEP = ['TimeCreated', '@timestamp', 'EventTime', 'Message', 'Level', 'Task', 'Keywords', 'UserID'] as const;

function flatProvider(o: Obj): string | undefined {
  for (const k of PROVIDER_KEYS) {
    const v = str(o[k]);
    if (v) return v;
  }
  return undefined;
}

function isFlatWindowsEvent(o: Obj): boolean {
  return eventIdOf(o.EventID) !== undefined && flatProvider(o) !== undefined && (HOST_KEYS.some((k) => typeof o[k] === 'string') || typeof o.Channel === 'string');
}

function parseFlat(o: Obj, ctx: ParseContext): ParseOutcome {
  const eventId = eventIdOf(o.EventID);
  const provider = flatProvider(o);
  if (eventId === undefined || !provider) return { kind: 'reject', reason: 'not a Windows event: expected EventID and SourceName' };
  const system: WindowsEventSystem = { provider, eventId };
  const host = HOST_KEYS.map((k) => str(o[k])).find((v) => v !== undefined);
  if (host) system.computer = host;
  const channel = str(o.Channel);
  if (channel) system.channel = channel;
  const record = o.RecordNumber ?? o.EventRecordID;
  if (typeof record === 'number' || typeof record === 'string') system.recordId = record;
  const tc = str(o.TimeCreated);
  if (tc) system.timeCreated = tc;
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k of Object.keys(o)) {
    if (FLAT_SYSTEM_KEYS.has(k)) continue;
    const v = dataValue(o[k]);
    if (v !== undefined) data[k] = v;
  }
  const keep: Obj = {};
  for (const k of FLAT_KEEP) keep[k] = o[k];
  return toEvents(system, data, ctx, [str(o['@timestamp']), str(o.EventTime)], keep);
}

function sniffWith(sample: SniffSample, fits: (o: Obj) => boolean): number {
  return lineVote(sample.lines, (line) => {
    if (line.trimStart().charCodeAt(0) !== 123) return false;
    const o = parseJsonObjectLine(line);
    return typeof o === 'object' && o !== null && fits(o);
  });
}

export const windowsEventFlatJsonFormat: LineFormat = {
  id: 'windows-event-json',
  name: 'Windows events as flat JSON (OTRF, NXLog)',
  family: 'windows',
  description: 'Sysmon and other Windows events, one flat JSON object per line (EventID, SourceName, Hostname + EventData fields), as in the OTRF Security-Datasets and NXLog output.',
  timeSemantics:
    'Sysmon UtcTime (UTC) when present; else TimeCreated, then @timestamp, as stated (OTRF datasets mark local time with Z: the original is kept for a skew correction); a zone-less EventTime takes the file time zone.',
  sniff: (sample) => sniffWith(sample, isFlatWindowsEvent),
  createParser: (ctx) => jsonObjectLineParser((o) => parseFlat(o as Obj, ctx)),
};

// ---- Winlogbeat / ECS ----

function isWinlogbeatEvent(o: Obj): boolean {
  const w = o.winlog;
  return isObj(w) && eventIdOf(w.event_id) !== undefined && (typeof w.provider_name === 'string' || typeof w.channel === 'string');
}

function parseWinlogbeat(o: Obj, ctx: ParseContext): ParseOutcome {
  const w = o.winlog;
  if (!isObj(w)) return { kind: 'reject', reason: 'not a Winlogbeat event: no winlog object' };
  const eventId = eventIdOf(w.event_id);
  if (eventId === undefined) return { kind: 'reject', reason: 'winlog.event_id is missing or not a number' };
  const system: WindowsEventSystem = { provider: str(w.provider_name) ?? '', eventId };
  const host = str(w.computer_name) ?? (isObj(o.host) ? str(o.host.name) ?? str(o.host.hostname) : undefined);
  if (host) system.computer = host;
  const channel = str(w.channel);
  if (channel) system.channel = channel;
  const record = w.record_id;
  if (typeof record === 'number' || typeof record === 'string') system.recordId = record;
  if (isObj(w.user) && typeof w.user.identifier === 'string') system.userSid = w.user.identifier;
  const data: Record<string, string> = Object.create(null) as Record<string, string>;
  const source = isObj(w.event_data) ? w.event_data : isObj(w.user_data) ? w.user_data : {};
  for (const k of Object.keys(source)) {
    const v = dataValue(source[k]);
    if (v !== undefined) data[k] = v;
  }
  const keep: Obj = { '@timestamp': o['@timestamp'], message: o.message, task: w.task, opcode: w.opcode, keywords: w.keywords };
  if (isObj(o.event)) {
    keep['event.action'] = o.event.action;
    keep['event.created'] = o.event.created;
  }
  return toEvents(system, data, ctx, [str(o['@timestamp'])], keep);
}

export const winlogbeatJsonFormat: LineFormat = {
  id: 'winlogbeat-json',
  name: 'Winlogbeat / ECS Windows events (JSON)',
  family: 'windows',
  description: 'Windows events shipped by Winlogbeat (Elastic Common Schema): winlog.event_id, winlog.provider_name, winlog.event_data; one JSON object per line.',
  timeSemantics: '@timestamp is UTC (ISO-8601 Z, the event\'s TimeCreated); Sysmon events take their EventData UtcTime (UTC). The file time zone is not used.',
  sniff: (sample) => sniffWith(sample, isWinlogbeatEvent),
  createParser: (ctx) => jsonObjectLineParser((o) => parseWinlogbeat(o as Obj, ctx)),
};
