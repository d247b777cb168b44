// Microsoft Defender for Endpoint advanced-hunting rows -> normalized events, keyed by column
// name only, so that any projection of the Device* tables maps (a query may keep 5 columns or
// all 40+; CSV exports give text, JSON exports numbers and nulls). Column names and ActionType
// values follow Microsoft's advanced-hunting schema reference for DeviceProcessEvents,
// DeviceNetworkEvents, DeviceFileEvents, DeviceRegistryEvents, DeviceImageLoadEvents,
// DeviceLogonEvents and DeviceEvents.
//
// Who is "the process". In DeviceProcessEvents (ActionType ProcessCreated) the row describes the
// created process in FileName/FolderPath/ProcessCommandLine/ProcessId and its creator in
// InitiatingProcess*; everywhere else the actor is InitiatingProcess* and FileName/FolderPath
// name the file, module or target acted on.
//
// Time: Timestamp (Sentinel's copies: TimeGenerated) is UTC, ISO-8601 with up to 7 fractional
// digits and Z. A zone-less value (a spreadsheet re-save) takes the file's time zone.
//
// extra holds every other column of the row under its Defender name, value as exported,
// except (a) columns whose value a normalized field already holds exactly (the time column;
// the process, target, address, port and hash columns mapped above; the AccountDomain and
// AccountName that user spells as DOMAIN\name) and (b) empty cells: null, "", and an empty
// JSON object or list such as AdditionalFields "{}". Nothing is lost: the whole row as
// written is the event's original record (source_offset/source_length, in the event detail).
import type { EventCategory } from '../../../common/schema';
import type { ParseContext, ParseOutcome, ParsedEvent } from '../types';
import { baseName, toInt } from '../fields';
import { parseIsoInstant, parseZonelessIso, wallTimeToUtc } from '../../time/zone';

export type Row = Record<string, unknown>;

/** Columns that only Defender's Device* tables carry together (used for recognition). */
export const DEFENDER_DISTINCT_COLUMNS = [
  'DeviceId',
  'DeviceName',
  'ActionType',
  'ReportId',
  'InitiatingProcessFileName',
  'InitiatingProcessCommandLine',
  'InitiatingProcessFolderPath',
  'InitiatingProcessId',
  'InitiatingProcessAccountName',
  'InitiatingProcessSHA256',
  'InitiatingProcessSHA1',
  'InitiatingProcessParentFileName',
  'ProcessCommandLine',
  'RemoteIP',
  'RemoteUrl',
  'RegistryKey',
  'AppGuardContainerId',
];

/** True when a set of column names is a Defender advanced-hunting projection. */
export function isDefenderColumns(columns: Iterable<string>): boolean {
  const set = new Set(columns);
  if (!set.has('Timestamp') && !set.has('TimeGenerated')) return false;
  let distinct = 0;
  for (const c of DEFENDER_DISTINCT_COLUMNS) if (set.has(c)) distinct++;
  // DeviceName alone is common; with ActionType or an InitiatingProcess* column it is Defender.
  const initiating = [...set].some((c) => c.startsWith('InitiatingProcess'));
  return distinct >= 3 && (set.has('DeviceName') || set.has('DeviceId')) && (set.has('ActionType') || initiating);
}

function s(row: Row, key: string): string | undefined {
  const v = row[key];
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function n(row: Row, key: string): number | undefined {
  const v = row[key];
  return typeof v === 'number' ? (Number.isSafeInteger(v) ? v : undefined) : toInt(typeof v === 'string' ? v.trim() : v);
}

export function defenderTime(raw: string, zone: string): { ts: number; timeZone: string } | null {
  const t = parseIsoInstant(raw);
  if (t) return { ts: t.ms, timeZone: t.offsetMinutes === 0 ? 'UTC' : raw.slice(-6) };
  const w = parseZonelessIso(raw);
  return w ? { ts: wallTimeToUtc(w, zone), timeZone: `${zone} (assumed)` } : null;
}

const NETWORK_ACTIONS = new Set([
  'ConnectionSuccess',
  'ConnectionFailed',
  'ConnectionAttempt',
  'ConnectionRequest',
  'ConnectionFound',
  'ConnectionAcknowledged',
  'InboundConnectionAccepted',
  'InboundInternetScanInspected',
  'ListeningConnectionCreated',
  'NetworkSignatureInspected',
  'HttpConnectionInspected',
  'DnsConnectionInspected',
  'SslConnectionInspected',
  'SshConnectionInspected',
  'IcmpConnectionInspected',
]);
const INBOUND_ACTIONS = new Set(['InboundConnectionAccepted', 'ListeningConnectionCreated', 'InboundInternetScanInspected']);

function categoryOf(action: string | undefined, row: Row): EventCategory {
  if (action) {
    if (action === 'ProcessCreated' || action === 'ImageLoaded' || action.startsWith('Process')) return 'process';
    if (NETWORK_ACTIONS.has(action)) return 'network';
    if (/^File(Created|Modified|Deleted|Renamed)$/.test(action)) return 'file';
    if (action.startsWith('Registry')) return 'registry';
    if (action.startsWith('Logon') || action === 'LogonAttempted') return 'auth';
    if (/^(Dns|DNS)/.test(action)) return 'dns';
    if (/Detection|Alert|Blocked|Exploit|Audited$/.test(action)) return 'alert';
  }
  // No ActionType in the projection (or a new one): the columns present decide.
  if (s(row, 'RegistryKey')) return 'registry';
  if (s(row, 'RemoteIP') || s(row, 'RemoteUrl')) return 'network';
  if (s(row, 'ProcessCommandLine')) return 'process';
  if (s(row, 'FolderPath') || s(row, 'FileName')) return 'file';
  return 'other';
}

/**
 * The account as DOMAIN\\name (else UPN, else display name). Only the columns that spell the
 * result out are taken: user gives them back exactly (the domain is what precedes the first
 * backslash), so extra does not hold them again; a UPN beside a name is other data and stays.
 */
function account(row: Row, take: Take, prefix: string): string | undefined {
  const name = take(`${prefix}AccountName`);
  if (name) {
    const domain = s(row, `${prefix}AccountDomain`);
    // A domain holding a backslash could not be told apart from the name: it stays in extra.
    return domain && !domain.includes('\\') ? `${take(`${prefix}AccountDomain`)!}\\${name}` : domain ? `${domain}\\${name}` : name;
  }
  return take(`${prefix}AccountUpn`) ?? take(`${prefix}AccountDisplayName`);
}

/** FolderPath is the full path in the Device* tables; older exports wrote only the folder. */
function fullPath(folder: string | undefined, file: string | undefined): string | undefined {
  if (!folder) return file;
  if (!file || folder.toLowerCase().endsWith(file.toLowerCase())) return folder;
  return `${folder}${folder.endsWith('\\') || folder.endsWith('/') ? '' : '\\'}${file}`;
}

/** Maps one row; a reject reason when it has no usable time. */
export function mapDefenderRow(row: Row, ctx: ParseContext): ParseOutcome {
  const timeKey = s(row, 'Timestamp') !== undefined ? 'Timestamp' : 'TimeGenerated';
  const raw = s(row, timeKey);
  if (!raw) return { kind: 'reject', reason: 'no Timestamp (or TimeGenerated) value' };
  const time = defenderTime(raw.trim(), ctx.timezone);
  if (!time) return { kind: 'reject', reason: `unparseable Timestamp "${raw.slice(0, 60)}"` };
  const used = new Set<string>([timeKey]);
  const take = (key: string): string | undefined => {
    const v = s(row, key);
    if (v !== undefined) used.add(key);
    return v;
  };
  const takeInt = (key: string): number | undefined => {
    const v = n(row, key);
    if (v !== undefined) used.add(key);
    return v;
  };
  const action = take('ActionType');
  const category = categoryOf(action, row);
  const e: ParsedEvent = { ts: time.ts, timeRaw: raw, timeZone: time.timeZone, category };
  if (action) e.action = action;
  const host = take('DeviceName');
  if (host) e.host = host;

  const created = action === 'ProcessCreated' || (!action && category === 'process');
  if (created) {
    const path = fullPath(take('FolderPath'), take('FileName'));
    if (path) {
      e.process_path = path;
      e.process_name = baseName(path);
    }
    const cmd = take('ProcessCommandLine');
    if (cmd) e.process_command_line = cmd;
    const pid = takeInt('ProcessId');
    if (pid !== undefined) e.process_pid = pid;
    const hash = take('SHA256') ?? take('SHA1') ?? take('MD5');
    if (hash) e.process_hash = hash;
    const parent = take('InitiatingProcessFileName');
    if (parent) e.parent_process_name = parent;
    const parentCmd = take('InitiatingProcessCommandLine');
    if (parentCmd) e.parent_process_command_line = parentCmd;
    const user = account(row, take, '') ?? account(row, take, 'InitiatingProcess');
    if (user) e.user = user;
    e.message = `Process created: ${cmd ?? path ?? '?'}${parent ? ` (by ${parent})` : ''}`;
  } else {
    // The actor is the initiating process; its parent is InitiatingProcessParent*.
    const path = fullPath(take('InitiatingProcessFolderPath'), take('InitiatingProcessFileName'));
    if (path) {
      e.process_path = path;
      e.process_name = baseName(path);
    }
    const cmd = take('InitiatingProcessCommandLine');
    if (cmd) e.process_command_line = cmd;
    const pid = takeInt('InitiatingProcessId');
    if (pid !== undefined) e.process_pid = pid;
    const hash = take('InitiatingProcessSHA256') ?? take('InitiatingProcessSHA1') ?? take('InitiatingProcessMD5');
    if (hash) e.process_hash = hash;
    const parent = take('InitiatingProcessParentFileName');
    if (parent) e.parent_process_name = parent;
    const user = category === 'auth' ? account(row, take, '') : account(row, take, 'InitiatingProcess') ?? account(row, take, '');
    if (user) e.user = user;
    fillTarget(e, row, take, takeInt, action);
  }
  // Null-prototype: a "__proto__" column is plain data, and plain assignment is safe (and fast).
  const extra = Object.create(null) as Row;
  let kept = 0;
  let dropped = 0;
  for (const key in row) {
    const v = row[key];
    if (isEmptyCell(v) || used.has(key)) continue;
    if (++kept > 256) dropped++;
    else extra[key] = v;
  }
  if (dropped > 0) extra.dropped_keys = dropped;
  e.extra = extra;
  return { kind: 'events', events: [e] };
}

/** Nothing to keep: null, an empty cell, or an empty JSON object/list (AdditionalFields "{}"). */
function isEmptyCell(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (typeof v === 'string') return v.length === 2 && (v === '{}' || v === '[]');
  if (typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.length === 0;
  for (const _ in v) return false;
  return true;
}

/** AdditionalFields: a JSON object, as an object (JSON exports) or its text (CSV exports). */
function additional(row: Row): Row {
  const v = row.AdditionalFields;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Row;
  if (typeof v !== 'string' || v.charCodeAt(0) !== 123) return {};
  try {
    const o: unknown = JSON.parse(v);
    return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Row) : {};
  } catch {
    return {};
  }
}

type Take = (key: string) => string | undefined;
type TakeInt = (key: string) => number | undefined;

function fillTarget(e: ParsedEvent, row: Row, take: Take, takeInt: TakeInt, action: string | undefined): void {
  const what = action ?? e.category;
  switch (e.category) {
    case 'network':
    case 'dns': {
      const local = take('LocalIP');
      const localPort = takeInt('LocalPort');
      const remote = take('RemoteIP');
      const remotePort = takeInt('RemotePort');
      const inbound = action !== undefined && INBOUND_ACTIONS.has(action);
      const [src, srcPort, dst, dstPort] = inbound ? [remote, remotePort, local, localPort] : [local, localPort, remote, remotePort];
      if (src) e.src_ip = src;
      if (srcPort !== undefined) e.src_port = srcPort;
      if (dst) e.dst_ip = dst;
      if (dstPort !== undefined) e.dst_port = dstPort;
      const remoteUrl = take('RemoteUrl');
      if (remoteUrl) {
        // RemoteUrl holds a URL or just a host name, as the sensor saw it.
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remoteUrl)) {
          e.url = remoteUrl;
          const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(remoteUrl)?.[1];
          if (host) e.domain = host;
        } else e.domain = remoteUrl;
      }
      // DeviceEvents DnsQueryResponse names the query only in AdditionalFields.
      const query = e.domain ? undefined : additional(row).DnsQueryString;
      if (typeof query === 'string' && query !== '') e.domain = query;
      e.message = `${what} ${e.src_ip ?? '?'}:${e.src_port ?? '?'} -> ${e.dst_ip ?? '?'}:${e.dst_port ?? '?'}${e.domain ? ` (${e.domain})` : ''}`;
      return;
    }
    case 'registry': {
      const key = take('RegistryKey');
      if (key) e.registry_path = key;
      const name = s(row, 'RegistryValueName');
      const data = s(row, 'RegistryValueData');
      e.message = `${what}: ${key ?? '?'}${name ? `\\${name}` : ''}${data ? ` = ${data}` : ''}`;
      return;
    }
    case 'auth': {
      const ip = take('RemoteIP');
      if (ip) e.src_ip = ip;
      const port = takeInt('RemotePort');
      if (port !== undefined) e.src_port = port;
      e.message = `${what}: ${e.user ?? '?'}${s(row, 'LogonType') ? ` (${s(row, 'LogonType')})` : ''}${ip ? ` from ${ip}` : ''}`;
      return;
    }
    default: {
      // Files, loaded modules and DeviceEvents targets: the file acted on.
      const path = fullPath(take('FolderPath'), take('FileName'));
      if (path) e.file_path = path;
      const hash = take('SHA256') ?? take('SHA1') ?? take('MD5');
      if (hash) e.file_hash = hash;
      const ip = take('RemoteIP');
      if (ip) e.dst_ip = ip;
      const cmd = s(row, 'ProcessCommandLine');
      e.message = `${what}${path ? `: ${path}` : cmd ? `: ${cmd}` : e.process_name ? ` by ${e.process_name}` : ''}`;
    }
  }
}
