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
// extra is handed over as its members (defender-extra.ts, formats/extra-members.ts).
//
// Rows are read by position (defender-cells.ts): a CSV header is compiled once per file.
import type { EventCategory } from '../../../common/schema';
import type { CsvColumns, CsvRowMapper } from '../csv';
import type { ParseContext, ParseOutcome, ParsedEvent } from '../types';
import { baseName, toInt } from '../fields';
import { C, cell, csvLayout, markUsed, newCells, nextRow, objectCellsReader, type DefenderCells } from './defender-cells';
import { extraMembers } from './defender-extra';
import { DefenderClock } from './defender-time';

export type Row = Record<string, unknown>;

/** Columns that only Defender's Device* tables carry together (used for recognition). */
const DEFENDER_DISTINCT_COLUMNS = [
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

/** A column as text: a non-empty string, or a finite number's decimal text. */
function s(r: DefenderCells, c: number): string | undefined {
  const v = cell(r, c);
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function n(r: DefenderCells, c: number): number | undefined {
  const v = cell(r, c);
  return typeof v === 'number' ? (Number.isSafeInteger(v) ? v : undefined) : toInt(typeof v === 'string' ? v.trim() : v);
}

/** s(), and the column no longer goes to extra when it gave a value. */
function take(r: DefenderCells, c: number): string | undefined {
  const v = s(r, c);
  if (v !== undefined) markUsed(r, c);
  return v;
}

function takeInt(r: DefenderCells, c: number): number | undefined {
  const v = n(r, c);
  if (v !== undefined) markUsed(r, c);
  return v;
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

function categoryOf(action: string | undefined, r: DefenderCells): EventCategory {
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
  if (s(r, C.RegistryKey)) return 'registry';
  if (s(r, C.RemoteIP) || s(r, C.RemoteUrl)) return 'network';
  if (s(r, C.ProcessCommandLine)) return 'process';
  if (s(r, C.FolderPath) || s(r, C.FileName)) return 'file';
  return 'other';
}

/** The account columns of the row's subject ('') or of its initiating process. */
interface AccountColumns {
  name: number;
  domain: number;
  upn: number;
  display: number;
}
const SUBJECT: AccountColumns = { name: C.AccountName, domain: C.AccountDomain, upn: C.AccountUpn, display: C.AccountDisplayName };
const INITIATING: AccountColumns = {
  name: C.InitiatingProcessAccountName,
  domain: C.InitiatingProcessAccountDomain,
  upn: C.InitiatingProcessAccountUpn,
  display: C.InitiatingProcessAccountDisplayName,
};

/**
 * The account as DOMAIN\\name (else UPN, else display name). Only the columns that spell the
 * result out are taken: user gives them back exactly (the domain is what precedes the first
 * backslash), so extra does not hold them again; a UPN beside a name is other data and stays.
 */
function account(r: DefenderCells, a: AccountColumns): string | undefined {
  const name = take(r, a.name);
  if (name) {
    const domain = s(r, a.domain);
    // A domain holding a backslash could not be told apart from the name: it stays in extra.
    return domain && !domain.includes('\\') ? `${take(r, a.domain)!}\\${name}` : domain ? `${domain}\\${name}` : name;
  }
  return take(r, a.upn) ?? take(r, a.display);
}

/** FolderPath is the full path in the Device* tables; older exports wrote only the folder. */
function fullPath(folder: string | undefined, file: string | undefined): string | undefined {
  if (!folder) return file;
  if (!file || folder.toLowerCase().endsWith(file.toLowerCase())) return folder;
  return `${folder}${folder.endsWith('\\') || folder.endsWith('/') ? '' : '\\'}${file}`;
}

/** The mapper of JSON row objects (JSONL lines, or the rows of a JSON document) of one file. */
export function defenderObjectMapper(ctx: ParseContext): (row: Row) => ParseOutcome {
  const cellsOf = objectCellsReader();
  const clock = new DefenderClock(ctx.timezone);
  return (row) => mapDefenderCells(cellsOf(row), clock);
}

/** The mapper of a CSV export's rows, compiled from its header once. */
export function defenderCsvMapper(columns: CsvColumns, ctx: ParseContext): CsvRowMapper {
  const cells = newCells(csvLayout(columns));
  const clock = new DefenderClock(ctx.timezone);
  return (fields) => {
    nextRow(cells, fields);
    return mapDefenderCells(cells, clock);
  };
}

/** Maps one row; a reject reason when it has no usable time. */
function mapDefenderCells(r: DefenderCells, clock: DefenderClock): ParseOutcome {
  const timeColumn = s(r, C.Timestamp) !== undefined ? C.Timestamp : C.TimeGenerated;
  const raw = s(r, timeColumn);
  if (!raw) return { kind: 'reject', reason: 'no Timestamp (or TimeGenerated) value' };
  const time = clock.time(raw.trim());
  if (!time) return { kind: 'reject', reason: `unparseable Timestamp "${raw.slice(0, 60)}"` };
  markUsed(r, timeColumn);
  const action = take(r, C.ActionType);
  const category = categoryOf(action, r);
  const e: ParsedEvent = { ts: time.ts, timeRaw: raw, timeZone: time.timeZone, category };
  if (action) e.action = action;
  const host = take(r, C.DeviceName);
  if (host) e.host = host;

  const created = action === 'ProcessCreated' || (!action && category === 'process');
  if (created) {
    const path = fullPath(take(r, C.FolderPath), take(r, C.FileName));
    if (path) {
      e.process_path = path;
      e.process_name = baseName(path);
    }
    const cmd = take(r, C.ProcessCommandLine);
    if (cmd) e.process_command_line = cmd;
    const pid = takeInt(r, C.ProcessId);
    if (pid !== undefined) e.process_pid = pid;
    const hash = take(r, C.SHA256) ?? take(r, C.SHA1) ?? take(r, C.MD5);
    if (hash) e.process_hash = hash;
    const parent = take(r, C.InitiatingProcessFileName);
    if (parent) e.parent_process_name = parent;
    const parentCmd = take(r, C.InitiatingProcessCommandLine);
    if (parentCmd) e.parent_process_command_line = parentCmd;
    const user = account(r, SUBJECT) ?? account(r, INITIATING);
    if (user) e.user = user;
    e.message = `Process created: ${cmd ?? path ?? '?'}${parent ? ` (by ${parent})` : ''}`;
  } else {
    // The actor is the initiating process; its parent is InitiatingProcessParent*.
    const path = fullPath(take(r, C.InitiatingProcessFolderPath), take(r, C.InitiatingProcessFileName));
    if (path) {
      e.process_path = path;
      e.process_name = baseName(path);
    }
    const cmd = take(r, C.InitiatingProcessCommandLine);
    if (cmd) e.process_command_line = cmd;
    const pid = takeInt(r, C.InitiatingProcessId);
    if (pid !== undefined) e.process_pid = pid;
    const hash = take(r, C.InitiatingProcessSHA256) ?? take(r, C.InitiatingProcessSHA1) ?? take(r, C.InitiatingProcessMD5);
    if (hash) e.process_hash = hash;
    const parent = take(r, C.InitiatingProcessParentFileName);
    if (parent) e.parent_process_name = parent;
    const user = category === 'auth' ? account(r, SUBJECT) : account(r, INITIATING) ?? account(r, SUBJECT);
    if (user) e.user = user;
    fillTarget(e, r, action);
  }
  const extra = extraMembers(r);
  if (typeof extra === 'string') e.extraJson = extra;
  else if (extra !== undefined) e.extraMembers = extra;
  return { kind: 'events', events: [e] };
}

/** AdditionalFields: a JSON object, as an object (JSON exports) or its text (CSV exports). */
function additional(r: DefenderCells): Row {
  const v = cell(r, C.AdditionalFields);
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Row;
  if (typeof v !== 'string' || v.charCodeAt(0) !== 123) return {};
  try {
    const o: unknown = JSON.parse(v);
    return typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as Row) : {};
  } catch {
    return {};
  }
}

function fillTarget(e: ParsedEvent, r: DefenderCells, action: string | undefined): void {
  const what = action ?? e.category;
  switch (e.category) {
    case 'network':
    case 'dns': {
      const local = take(r, C.LocalIP);
      const localPort = takeInt(r, C.LocalPort);
      const remote = take(r, C.RemoteIP);
      const remotePort = takeInt(r, C.RemotePort);
      const inbound = action !== undefined && INBOUND_ACTIONS.has(action);
      const src = inbound ? remote : local;
      const srcPort = inbound ? remotePort : localPort;
      const dst = inbound ? local : remote;
      const dstPort = inbound ? localPort : remotePort;
      if (src) e.src_ip = src;
      if (srcPort !== undefined) e.src_port = srcPort;
      if (dst) e.dst_ip = dst;
      if (dstPort !== undefined) e.dst_port = dstPort;
      const remoteUrl = take(r, C.RemoteUrl);
      if (remoteUrl) {
        // RemoteUrl holds a URL or just a host name, as the sensor saw it.
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remoteUrl)) {
          e.url = remoteUrl;
          const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(remoteUrl)?.[1];
          if (host) e.domain = host;
        } else e.domain = remoteUrl;
      }
      // DeviceEvents DnsQueryResponse names the query only in AdditionalFields.
      const query = e.domain ? undefined : additional(r).DnsQueryString;
      if (typeof query === 'string' && query !== '') e.domain = query;
      e.message = `${what} ${e.src_ip ?? '?'}:${e.src_port ?? '?'} -> ${e.dst_ip ?? '?'}:${e.dst_port ?? '?'}${e.domain ? ` (${e.domain})` : ''}`;
      return;
    }
    case 'registry': {
      const key = take(r, C.RegistryKey);
      if (key) e.registry_path = key;
      const name = s(r, C.RegistryValueName);
      const data = s(r, C.RegistryValueData);
      e.message = `${what}: ${key ?? '?'}${name ? `\\${name}` : ''}${data ? ` = ${data}` : ''}`;
      return;
    }
    case 'auth': {
      const ip = take(r, C.RemoteIP);
      if (ip) e.src_ip = ip;
      const port = takeInt(r, C.RemotePort);
      if (port !== undefined) e.src_port = port;
      const logonType = s(r, C.LogonType);
      e.message = `${what}: ${e.user ?? '?'}${logonType ? ` (${logonType})` : ''}${ip ? ` from ${ip}` : ''}`;
      return;
    }
    default: {
      // Files, loaded modules and DeviceEvents targets: the file acted on.
      const path = fullPath(take(r, C.FolderPath), take(r, C.FileName));
      if (path) e.file_path = path;
      const hash = take(r, C.SHA256) ?? take(r, C.SHA1) ?? take(r, C.MD5);
      if (hash) e.file_hash = hash;
      const ip = take(r, C.RemoteIP);
      if (ip) e.dst_ip = ip;
      const cmd = s(r, C.ProcessCommandLine);
      e.message = `${what}${path ? `: ${path}` : cmd ? `: ${cmd}` : e.process_name ? ` by ${e.process_name}` : ''}`;
    }
  }
}
