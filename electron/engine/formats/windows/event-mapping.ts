// One Windows event (System header + EventData name/value pairs) -> normalized fields.
// Shared by every reader of Windows events (EVTX, Event XML, OTRF/Winlogbeat JSON), so that a
// Sysmon process creation means the same columns whichever container it arrived in.
//
// Field names follow Microsoft's documentation: Sysmon's event schema (sysmon -s) and the
// Security auditing events (4624, 4625, 4688, 5156...). Every data field that is not mapped to
// a column is kept in extra under its own name; nothing is dropped.
import type { EventCategory, NormalizedFields } from '../../../common/schema';
import type { ParsedEvent } from '../types';
import { setField } from '../fields';
import { Mapper, mapSecurity, mapSysmon } from './event-mapping-providers';

export { pickHash } from './event-mapping-providers';
import { parseIsoInstant, wallTimeToUtc, isValidWallTime, wallTimeFromGroups } from '../../time/zone';

export interface WindowsEventSystem {
  /** System/Provider/@Name, e.g. "Microsoft-Windows-Sysmon", "Microsoft-Windows-Security-Auditing". */
  provider: string;
  /** System/EventID (without qualifiers). */
  eventId: number;
  /** System/Computer. */
  computer?: string;
  /** System/Channel. */
  channel?: string;
  /** System/TimeCreated/@SystemTime as written (ISO-8601 UTC in EVTX and Event XML). */
  timeCreated?: string;
  /** System/EventRecordID. */
  recordId?: number | string;
  /** System/Security/@UserID (a SID). */
  userSid?: string;
  /** System/Execution/@ProcessID: the process that logged the event (not the subject). */
  executionProcessId?: number;
  level?: number | string;
  task?: number | string;
  keywords?: string;
}

/** mapWindowsEvent's result: the normalized columns plus every unmapped field in extra. */
export interface WindowsEventFields extends NormalizedFields {
  extra: Record<string, unknown>;
}

export interface WindowsEventTime {
  ts: number;
  timeRaw: string;
  timeZone: string;
  /** Which field the time came from ("UtcTime" or "TimeCreated"). */
  source: string;
}

const SYSMON = 'Microsoft-Windows-Sysmon';
const SECURITY = 'Microsoft-Windows-Security-Auditing';

/** Sysmon's UtcTime: "2020-10-23 06:36:43.542", UTC by Sysmon's definition, no zone written. */
const SYSMON_UTC_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;

function parseSysmonUtcTime(text: string): number {
  const m = SYSMON_UTC_RE.exec(text);
  if (!m) return NaN;
  const t = wallTimeFromGroups(m);
  return isValidWallTime(t) ? wallTimeToUtc(t, 'UTC') : NaN;
}

/**
 * The event's time. Sysmon events carry UtcTime, the sensor's own UTC clock reading of when
 * the event happened (process start, connection); it is preferred over TimeCreated (when the
 * log entry was written), and it stays right when a converter mislabels a local TimeCreated
 * with "Z" (the OTRF datasets do). Otherwise TimeCreated, which states its zone.
 * Null when neither is usable.
 */
export function windowsEventTime(system: WindowsEventSystem, data: Readonly<Record<string, string>>): WindowsEventTime | null {
  const utc = system.provider === SYSMON ? data.UtcTime : undefined;
  if (utc) {
    const ms = parseSysmonUtcTime(utc);
    if (!Number.isNaN(ms)) return { ts: ms, timeRaw: utc, timeZone: 'UTC', source: 'UtcTime' };
  }
  const tc = system.timeCreated;
  if (tc) {
    const t = parseIsoInstant(tc);
    if (t) return { ts: t.ms, timeRaw: tc, timeZone: t.offsetMinutes === 0 ? 'UTC' : tc.slice(-6), source: 'TimeCreated' };
  }
  return null;
}

/** Windows-event category by EID for other providers, when the EID is well known. */
function genericCategory(system: WindowsEventSystem): { category: EventCategory; action: string } {
  if (system.eventId === 1102 || (system.eventId === 104 && system.provider === 'Microsoft-Windows-Eventlog')) {
    return { category: 'other', action: 'log_cleared' };
  }
  return { category: 'other', action: `event_${system.eventId}` };
}

/**
 * The normalized fields of one Windows event. `data` holds EventData/UserData values by
 * name (as strings, as Windows renders them). Time is not set here: see windowsEventTime().
 * extra holds the provider, event id, channel, record id and every unmapped data field.
 */
export function mapWindowsEvent(system: WindowsEventSystem, data: Readonly<Record<string, string>>): WindowsEventFields {
  const out: WindowsEventFields = { category: 'other', extra: {} };
  if (system.computer) out.host = system.computer;
  const m = new Mapper(out, data);
  let described = false;
  if (system.provider === SYSMON) {
    mapSysmon(m, system.eventId);
    described = true;
  } else if (system.provider === SECURITY || system.provider === 'Microsoft-Windows-Eventlog') {
    described = mapSecurity(m, system.eventId);
    if (!out.action) Object.assign(out, genericCategory(system));
  } else {
    Object.assign(out, genericCategory(system));
  }
  if (!described || !out.message) out.message = `${system.provider} ${system.eventId}${out.action && !out.action.startsWith('event_') ? ` ${out.action}` : ''}`;
  const extra = out.extra;
  extra.provider = system.provider;
  extra.event_id = system.eventId;
  if (system.channel) extra.channel = system.channel;
  if (system.recordId !== undefined) extra.record_id = system.recordId;
  if (system.userSid) extra.user_sid = system.userSid;
  for (const key of Object.keys(data)) {
    if (m.used.has(key)) continue;
    const v = data[key];
    if (v === undefined || v === '') continue;
    setField(extra, key, v);
  }
  return out;
}

/**
 * Time and fields together: the ParsedEvent of one Windows event, or the reason it has no
 * usable time (for a reject). What every Windows reader (EVTX, XML, JSON) ends with.
 */
export function windowsParsedEvent(system: WindowsEventSystem, data: Readonly<Record<string, string>>): ParsedEvent | string {
  const time = windowsEventTime(system, data);
  if (!time) return `no usable time: TimeCreated SystemTime "${system.timeCreated ?? ''}"${system.provider === SYSMON ? ' and no UtcTime' : ''}`;
  return { ...mapWindowsEvent(system, data), ts: time.ts, timeRaw: time.timeRaw, timeZone: time.timeZone };
}
