// Carbon Black Cloud (Platform API) records -> normalized events: process search results,
// enriched/process-event search results and alerts (v7 schema; v6 time names accepted too).
// Field names follow the Carbon Black Cloud "Platform Search Fields" and "Alert Search Fields"
// references. Search results hold some fields as lists (process_pid, process_cmdline,
// process_username, process_hash = [sha256, md5]); the first value fills the column and the
// whole list stays in extra.
//
// Time (all ISO-8601 UTC with Z, milliseconds):
//   alerts             detection_timestamp (when the alert was raised), else backend_timestamp;
//                      v6: create_time. first/last_event_timestamp stay in extra.
//   enriched events    event_timestamp (the device clock at the event), else device_timestamp.
//   process results    process_start_time when projected, else device_timestamp (the device
//                      time of the process's latest event), else backend_timestamp.
import type { EventCategory } from '../../../common/schema';
import type { ParseOutcome, ParsedEvent } from '../types';
import { baseName, setField, toInt } from '../fields';
import { parseIsoInstant } from '../../time/zone';

export type Obj = Record<string, unknown>;
export type CbcKind = 'alert' | 'event' | 'process';

function has(o: Obj, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k) && o[k] !== null && o[k] !== '';
}

/** The first value of a field that may be a list; "null" (as some exports write) is none. */
function first(o: Obj, key: string): string | undefined {
  let v = o[key];
  if (Array.isArray(v)) v = v.find((x) => x !== null && x !== '');
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string' || v === '' || v === 'null') return undefined;
  return v;
}

/** From a hash list [sha256, md5] (or one value), the SHA-256 when present. */
function hashOf(o: Obj, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = o[key];
    const list = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? v.split(/[,;]\s*/) : [];
    const strong = list.find((x): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/i.test(x));
    const any = list.find((x): x is string => typeof x === 'string' && /^[0-9a-f]{32,128}$/i.test(x));
    if (strong ?? any) return strong ?? any;
  }
  return undefined;
}

const ALERT_TYPES = /^(?:CB_ANALYTICS|WATCHLIST|DEVICE_CONTROL|CONTAINER_RUNTIME|HOST_BASED_FIREWALL|INTRUSION_DETECTION_SYSTEM|THREAT)$/;
// ORGKEY-deviceid-pid-0-filetime (the org key is 8 characters in production, shorter in test data).
const PROCESS_GUID_RE = /^[A-Za-z0-9]{1,16}-[0-9a-fA-F]{8}-[0-9a-fA-F]{8}-[0-9a-fA-F]{8}-[0-9a-fA-F]{15,16}/;

/** Which record this is; null when it is not a Carbon Black Cloud record. */
export function cbcKind(o: Obj): CbcKind | null {
  if (typeof o.type === 'string' && ALERT_TYPES.test(o.type) && has(o, 'id') && (has(o, 'backend_timestamp') || has(o, 'create_time'))) {
    if (has(o, 'org_key') || has(o, 'reason') || has(o, 'device_id')) return 'alert';
  }
  const guid = first(o, 'process_guid');
  if (!guid || !PROCESS_GUID_RE.test(guid)) return null;
  if (typeof o.event_type === 'string' && (has(o, 'event_timestamp') || has(o, 'device_timestamp'))) return 'event';
  if (has(o, 'device_timestamp') || has(o, 'process_start_time')) return 'process';
  return null;
}

const TIME_KEYS: Record<CbcKind, readonly string[]> = {
  alert: ['detection_timestamp', 'backend_timestamp', 'create_time', 'first_event_timestamp'],
  event: ['event_timestamp', 'device_timestamp', 'backend_timestamp', 'created_timestamp'],
  process: ['process_start_time', 'device_timestamp', 'backend_timestamp'],
};

const EVENT_CATEGORY: Record<string, EventCategory> = {
  procstart: 'process',
  childproc: 'process',
  crossproc: 'process',
  modload: 'process',
  scriptload: 'process',
  fileless_scriptload: 'process',
  netconn: 'network',
  netconn_proxy: 'network',
  filemod: 'file',
  regmod: 'registry',
};

export function mapCbcRecord(o: Obj, kind: CbcKind): ParseOutcome {
  let timeKey: string | undefined;
  let t: ReturnType<typeof parseIsoInstant> = null;
  for (const k of TIME_KEYS[kind]) {
    const v = first(o, k);
    t = v ? parseIsoInstant(v) : null;
    if (t) {
      timeKey = k;
      break;
    }
  }
  if (!t || !timeKey) return { kind: 'reject', reason: `no usable time: expected ${TIME_KEYS[kind].join(', ')} (ISO-8601 with zone)` };
  const e: ParsedEvent = { ts: t.ms, timeRaw: first(o, timeKey)!, timeZone: t.offsetMinutes === 0 ? 'UTC' : first(o, timeKey)!.slice(-6), category: 'other' };
  const used = new Set<string>([timeKey]);
  const take = (key: string): string | undefined => {
    const v = first(o, key);
    if (v !== undefined && !Array.isArray(o[key])) used.add(key);
    return v;
  };
  const host = take('device_name');
  if (host) e.host = host;
  const user = take('process_username') ?? take('device_username');
  if (user) e.user = user;
  // process_name is a full path in search results and a bare name in alerts.
  const proc = take('process_name');
  if (proc) {
    if (/[\\/]/.test(proc)) e.process_path = proc;
    e.process_name = baseName(proc);
  }
  const cmd = take('process_cmdline');
  if (cmd) e.process_command_line = cmd;
  const pid = toInt(first(o, 'process_pid'));
  if (pid !== undefined) {
    e.process_pid = pid;
    if (!Array.isArray(o.process_pid)) used.add('process_pid');
  }
  const guid = take('process_guid');
  if (guid) e.process_guid = guid;
  const hash = hashOf(o, 'process_sha256', 'process_hash', 'process_md5');
  if (hash) e.process_hash = hash;
  const parent = take('parent_name');
  if (parent) e.parent_process_name = baseName(parent);
  const parentCmd = take('parent_cmdline');
  if (parentCmd) e.parent_process_command_line = parentCmd;
  const parentGuid = take('parent_guid');
  if (parentGuid) e.parent_process_guid = parentGuid;

  if (kind === 'alert') alertFields(e, o, take);
  else if (kind === 'event') eventFields(e, o, take);
  else {
    e.category = 'process';
    e.action = 'process';
    const types = Array.isArray(o.event_type) ? o.event_type.join(', ') : '';
    e.message = `Process ${e.process_path ?? e.process_name ?? '?'}${cmd ? `: ${cmd}` : ''}${types ? ` (events: ${types})` : ''}`;
  }
  // Keep the original of a parent path the column shortened, and for a child process the
  // reporter's own parent and process fields the columns no longer hold.
  if (parent) used.delete('parent_name');
  if (e.action === 'child_process_start') for (const k of ['parent_guid', 'parent_cmdline', 'process_cmdline', 'process_guid']) used.delete(k);
  const extra: Obj = {};
  let kept = 0;
  for (const key of Object.keys(o)) {
    if (used.has(key)) continue;
    const v = o[key];
    if (v === null || v === undefined || v === '' || v === 'null') continue;
    if (++kept > 256) {
      extra.dropped_keys = (typeof extra.dropped_keys === 'number' ? extra.dropped_keys : 0) + 1;
      continue;
    }
    setField(extra, key, v);
  }
  e.extra = extra;
  return { kind: 'events', events: [e] };
}

type Take = (key: string) => string | undefined;

function network(e: ParsedEvent, o: Obj, take: Take): void {
  const remote = take('netconn_remote_ip') ?? take('netconn_remote_ipv4') ?? take('netconn_remote_ipv6');
  const local = take('netconn_local_ip') ?? take('netconn_local_ipv4') ?? take('netconn_local_ipv6');
  const remotePort = toInt(take('netconn_remote_port'));
  const localPort = toInt(take('netconn_local_port'));
  const inbound = o.netconn_inbound === true || o.netconn_inbound === 'true';
  const [src, srcPort, dst, dstPort] = inbound ? [remote, remotePort, local, localPort] : [local, localPort, remote, remotePort];
  if (src) e.src_ip = src;
  if (srcPort !== undefined) e.src_port = srcPort;
  if (dst) e.dst_ip = dst;
  if (dstPort !== undefined) e.dst_port = dstPort;
  const domain = take('netconn_domain');
  if (domain) e.domain = domain;
}

function alertFields(e: ParsedEvent, o: Obj, take: Take): void {
  e.category = 'alert';
  const type = take('type');
  e.action = type ? `alert_${type.toLowerCase()}` : 'alert';
  const severity = take('severity');
  if (severity) e.severity = severity;
  network(e, o, take);
  const reason = take('reason');
  e.message = reason ?? `Carbon Black Cloud ${type ?? ''} alert${e.process_name ? `: ${e.process_name}` : ''}`;
}

function eventFields(e: ParsedEvent, o: Obj, take: Take): void {
  const type = take('event_type') ?? 'event';
  e.category = EVENT_CATEGORY[type] ?? 'other';
  e.action = type;
  const desc = first(o, 'event_description');
  switch (type) {
    case 'modload': {
      const path = take('modload_name');
      if (path) e.file_path = path;
      const h = hashOf(o, 'modload_sha256', 'modload_md5');
      if (h) e.file_hash = h;
      e.action = 'module_load';
      e.message = `Module load: ${path ?? '?'}`;
      return;
    }
    case 'filemod': {
      const path = take('filemod_name');
      if (path) e.file_path = path;
      const h = hashOf(o, 'filemod_sha256', 'filemod_hash', 'filemod_md5');
      if (h) e.file_hash = h;
      e.message = `File ${first(o, 'filemod_action') ?? 'modified'}: ${path ?? '?'}`;
      return;
    }
    case 'regmod': {
      const path = take('regmod_name');
      if (path) e.registry_path = path;
      e.message = `Registry ${first(o, 'regmod_action') ?? 'modified'}: ${path ?? '?'}`;
      return;
    }
    case 'netconn':
    case 'netconn_proxy':
      network(e, o, take);
      e.action = 'connection';
      e.message = desc ?? `Connection ${e.src_ip ?? '?'}:${e.src_port ?? '?'} -> ${e.dst_ip ?? '?'}:${e.dst_port ?? '?'}${e.domain ? ` (${e.domain})` : ''}`;
      return;
    case 'childproc': {
      // Reported by the parent: the child becomes the process, the reporter its parent.
      const child = first(o, 'childproc_name');
      if (child) {
        if (e.process_name) e.parent_process_name = e.process_name;
        if (e.process_command_line) e.parent_process_command_line = e.process_command_line;
        if (e.process_guid) e.parent_process_guid = e.process_guid;
        e.process_name = baseName(child);
        e.process_path = child;
        delete e.process_command_line;
        delete e.process_pid;
        delete e.process_hash;
        delete e.process_guid;
        const childCmd = take('childproc_cmdline');
        if (childCmd) e.process_command_line = childCmd;
        const childPid = toInt(first(o, 'childproc_pid'));
        if (childPid !== undefined) e.process_pid = childPid;
        const childGuid = take('childproc_guid');
        if (childGuid) e.process_guid = childGuid;
        const h = hashOf(o, 'childproc_sha256', 'childproc_hash', 'childproc_md5');
        if (h) e.process_hash = h;
      }
      e.action = 'child_process_start';
      e.message = `Child process: ${e.process_command_line ?? child ?? '?'}`;
      return;
    }
    case 'crossproc':
      e.message = `Cross-process ${first(o, 'crossproc_action') ?? ''}: ${first(o, 'crossproc_name') ?? '?'}`.replace('  ', ' ');
      return;
    case 'scriptload':
    case 'fileless_scriptload': {
      const path = take('scriptload_name');
      if (path) e.file_path = path;
      e.message = desc ?? `Script load: ${path ?? first(o, 'fileless_scriptload_cmdline') ?? '?'}`;
      return;
    }
    default:
      e.message = desc ?? `Carbon Black Cloud ${type} event${e.process_name ? `: ${e.process_name}` : ''}`;
  }
}
