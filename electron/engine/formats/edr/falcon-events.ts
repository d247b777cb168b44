// CrowdStrike Falcon sensor events as exported from Event Search / Falcon LogScale (CSV, JSON
// Lines, or a JSON array). Field names follow the Falcon Events Data Dictionary: event_simpleName
// (ProcessRollup2, NetworkConnectIP4, DnsRequest, ...), aid, cid, ComputerName, timestamp,
// ContextTimeStamp, ProcessStartTime, TargetProcessId, ParentProcessId, ContextProcessId,
// RawProcessId, ImageFileName, CommandLine, SHA256HashData, UserName, LocalAddressIP4,
// RemoteAddressIP4, RemotePort, DomainName, TargetFileName, RegObjectName...
//
// Process identity: TargetProcessId is Falcon's unique id of the process an event creates or
// describes (process_guid); ParentProcessId its parent's; other events name their actor by
// ContextProcessId, which matches the actor's ProcessRollup2 TargetProcessId.
//
// Time: ContextTimeStamp (sensor clock, epoch seconds with fraction) when present, else
// ProcessStartTime (epoch seconds, process events), else timestamp (epoch ms, cloud receipt);
// all UTC. An ISO @timestamp/_time (LogScale, Splunk exports) is the last resort.
import type { EventCategory } from '../../../common/schema';
import type { ParseOutcome, ParsedEvent } from '../types';
import { baseName, setField, toInt } from '../fields';
import { epochIntegerToMs, parseEpochSeconds, parseIsoInstant } from '../../time/zone';

export type Obj = Record<string, unknown>;

function s(o: Obj, key: string): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

const TIME_KEYS = ['ContextTimeStamp', 'ProcessStartTime', 'timestamp', '@timestamp', '_time'] as const;

/** True for a row of Falcon sensor events (by its field names). */
export function isFalconEventFields(keys: Iterable<string>): boolean {
  const set = new Set(keys);
  return set.has('event_simpleName') && (set.has('aid') || set.has('cid') || set.has('ComputerName')) && TIME_KEYS.some((k) => set.has(k));
}

function falconTime(raw: string): { ts: number; timeZone: string } | null {
  const t = raw.trim();
  if (/^\d{9,19}$/.test(t)) {
    const ms = epochIntegerToMs(t);
    return Number.isNaN(ms) ? null : { ts: ms, timeZone: 'UTC' };
  }
  const sec = parseEpochSeconds(t);
  if (!Number.isNaN(sec)) return { ts: sec, timeZone: 'UTC' };
  const iso = parseIsoInstant(t);
  return iso ? { ts: iso.ms, timeZone: iso.offsetMinutes === 0 ? 'UTC' : t.slice(-6) } : null;
}

function categoryOf(name: string): { category: EventCategory; action: string } {
  if (/^(?:Synthetic)?ProcessRollup2$/.test(name) || name === 'ProcessExecOnPackedExecutable') return { category: 'process', action: 'process_start' };
  if (name === 'EndOfProcess' || name === 'TerminateProcess') return { category: 'process', action: 'process_end' };
  if (/^Network(?:Connect|ReceiveAccept|Listen)IP[46]$/.test(name)) return { category: 'network', action: name.includes('Connect') ? 'connection' : name.includes('Receive') ? 'connection_accepted' : 'listen' };
  if (name === 'DnsRequest' || name === 'SuspiciousDnsRequest') return { category: 'dns', action: 'dns_query' };
  if (/Written$|^File(?:Create|Delete|Open|Rename)Info$|^NewScriptWritten$/.test(name)) return { category: 'file', action: name };
  if (/^(?:Asep|Reg)\w*(?:Update|Created|Deleted|Value)\w*$/.test(name)) return { category: 'registry', action: name };
  if (/^UserLogon/.test(name) || name === 'UserLogoff') return { category: 'auth', action: name };
  if (/Detect|Blocked|Killed/.test(name)) return { category: 'alert', action: name };
  if (name === 'ClassifiedModuleLoad' || name === 'ImageHash') return { category: 'process', action: 'image_load' };
  return { category: 'other', action: name };
}

export function mapFalconEvent(o: Obj): ParseOutcome {
  let timeKey: string | undefined;
  let time: { ts: number; timeZone: string } | null = null;
  for (const k of TIME_KEYS) {
    const v = s(o, k);
    if (v && (time = falconTime(v))) {
      timeKey = k;
      break;
    }
  }
  if (!time || !timeKey) return { kind: 'reject', reason: 'no usable time: expected ContextTimeStamp, ProcessStartTime or timestamp (epoch)' };
  const name = s(o, 'event_simpleName') ?? '';
  const { category, action } = categoryOf(name);
  const e: ParsedEvent = { ts: time.ts, timeRaw: s(o, timeKey)!, timeZone: time.timeZone, category, action };
  const used = new Set<string>([timeKey, 'event_simpleName']);
  const take = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = s(o, k);
      if (v !== undefined) {
        used.add(k);
        return v;
      }
    }
    return undefined;
  };
  const host = take('ComputerName', 'aid_ComputerName', 'hostname');
  if (host) e.host = host;
  const user = take('UserName', 'UserPrincipal');
  if (user) e.user = user;

  if (category === 'process' && action !== 'image_load') {
    const image = take('ImageFileName');
    if (image) e.process_path = image;
    const file = take('FileName');
    if (file ?? image) e.process_name = file ?? baseName(image!);
    const cmd = take('CommandLine');
    if (cmd) e.process_command_line = cmd;
    const pid = toInt(take('RawProcessId'));
    if (pid !== undefined) e.process_pid = pid;
    const guid = take('TargetProcessId');
    if (guid) e.process_guid = guid;
    const parentGuid = take('ParentProcessId');
    if (parentGuid) e.parent_process_guid = parentGuid;
    const parent = take('ParentBaseFileName');
    if (parent) e.parent_process_name = parent;
    const hash = take('SHA256HashData', 'SHA1HashData', 'MD5HashData');
    if (hash) e.process_hash = hash;
    e.message = `${action === 'process_end' ? 'Process end' : 'Process start'}: ${cmd ?? image ?? '?'}`;
  } else {
    const actor = take('ContextProcessId');
    if (actor) e.process_guid = actor;
    const actorPid = toInt(take('ContextRawProcessId'));
    if (actorPid !== undefined) e.process_pid = actorPid;
    fillTarget(e, o, take, name);
  }
  const extra: Obj = {};
  for (const key of Object.keys(o)) {
    if (used.has(key)) continue;
    const v = o[key];
    if (v === null || v === undefined || v === '') continue;
    setField(extra, key, v);
  }
  e.extra = extra;
  return { kind: 'events', events: [e] };
}

type Take = (...keys: string[]) => string | undefined;

function fillTarget(e: ParsedEvent, o: Obj, take: Take, name: string): void {
  switch (e.category) {
    case 'network': {
      const local = take('LocalAddressIP4', 'LocalAddressIP6');
      const remote = take('RemoteAddressIP4', 'RemoteAddressIP6');
      const localPort = toInt(take('LocalPort'));
      const remotePort = toInt(take('RemotePort'));
      const inbound = e.action !== 'connection';
      const [src, sp, dst, dp] = inbound ? [remote, remotePort, local, localPort] : [local, localPort, remote, remotePort];
      if (src) e.src_ip = src;
      if (sp !== undefined) e.src_port = sp;
      if (dst) e.dst_ip = dst;
      if (dp !== undefined) e.dst_port = dp;
      e.message = `${name} ${src ?? '?'}:${sp ?? '?'} -> ${dst ?? '?'}:${dp ?? '?'}`;
      return;
    }
    case 'dns': {
      const domain = take('DomainName');
      if (domain) e.domain = domain;
      e.message = `DNS query: ${domain ?? '?'}${s(o, 'IP4Records') ? ` -> ${s(o, 'IP4Records')}` : ''}`;
      return;
    }
    case 'file': {
      const path = take('TargetFileName', 'FilePath');
      if (path) e.file_path = path;
      const hash = take('SHA256HashData', 'MD5HashData');
      if (hash) e.file_hash = hash;
      e.message = `${name}: ${path ?? '?'}`;
      return;
    }
    case 'registry': {
      const key = take('RegObjectName');
      if (key) e.registry_path = key;
      const value = s(o, 'RegValueName');
      e.message = `${name}: ${key ?? '?'}${value ? `\\${value}` : ''}`;
      return;
    }
    case 'auth': {
      const ip = take('RemoteAddressIP4', 'RemoteAddressIP6');
      if (ip) e.src_ip = ip;
      e.message = `${name}: ${e.user ?? '?'}${s(o, 'LogonType') ? ` (type ${s(o, 'LogonType')})` : ''}${ip ? ` from ${ip}` : ''}`;
      return;
    }
    default: {
      const image = take('ImageFileName');
      if (image) e.file_path = image;
      const hash = take('SHA256HashData');
      if (hash) e.file_hash = hash;
      e.message = `${name}${image ? `: ${image}` : ''}`;
    }
  }
}
