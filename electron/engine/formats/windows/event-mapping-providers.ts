// What the Sysmon and Security-Auditing events of Windows mean as columns (event-mapping.ts
// applies it): per event id, which EventData field fills which normalized column, with the
// Mapper tracking which fields went into columns so every other one is kept in extra.
import type { NormalizedFields } from '../../../common/schema';
import { baseName, toInt } from '../fields';
import type { WindowsEventFields } from './event-mapping';

/** Values Windows writes for "none". */
function present(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' || t === '-' ? undefined : v;
}

/** A pid as Sysmon ("4120") or Security ("0x1018") writes it. */
function pid(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (/^0x[0-9a-f]{1,8}$/i.test(v)) return parseInt(v.slice(2), 16);
  return toInt(v);
}

/** "SHA1=..,MD5=..,SHA256=..,IMPHASH=.." -> the strongest hash given, as written. */
export function pickHash(hashes: string | undefined): string | undefined {
  if (!hashes) return undefined;
  const parts = new Map<string, string>();
  for (const p of hashes.split(',')) {
    const eq = p.indexOf('=');
    if (eq > 0) parts.set(p.slice(0, eq).trim().toUpperCase(), p.slice(eq + 1).trim());
  }
  if (parts.size === 0) return /^[0-9a-f]{32,128}$/i.test(hashes.trim()) ? hashes.trim() : undefined;
  return parts.get('SHA256') ?? parts.get('SHA1') ?? parts.get('MD5') ?? undefined;
}

function account(domain: string | undefined, name: string | undefined): string | undefined {
  const n = present(name);
  if (!n) return undefined;
  const d = present(domain);
  return d ? `${d}\\${n}` : n;
}

const SYSMON_NAMES: Record<number, string> = {
  1: 'process_start',
  2: 'file_time_changed',
  3: 'connection',
  4: 'sysmon_state_changed',
  5: 'process_end',
  6: 'driver_load',
  7: 'image_load',
  8: 'create_remote_thread',
  9: 'raw_disk_read',
  10: 'process_access',
  11: 'file_create',
  12: 'registry_key',
  13: 'registry_value_set',
  14: 'registry_rename',
  15: 'file_stream_create',
  16: 'sysmon_config_changed',
  17: 'pipe_created',
  18: 'pipe_connected',
  19: 'wmi_filter',
  20: 'wmi_consumer',
  21: 'wmi_binding',
  22: 'dns_query',
  23: 'file_delete',
  24: 'clipboard_change',
  25: 'process_tampering',
  26: 'file_delete_logged',
  27: 'file_block_executable',
  28: 'file_block_shredding',
  29: 'file_executable_detected',
};

const SECURITY_AUTH: Record<number, string> = {
  4624: 'logon',
  4625: 'logon_failed',
  4634: 'logoff',
  4647: 'logoff',
  4648: 'logon_explicit_credentials',
  4672: 'logon_special_privileges',
  4768: 'kerberos_tgt_request',
  4769: 'kerberos_service_ticket_request',
  4771: 'kerberos_preauth_failed',
  4776: 'ntlm_validation',
  4778: 'session_reconnected',
  4779: 'session_disconnected',
};

/** Builds the result while tracking which data fields went into columns. */
export class Mapper {
  readonly used = new Set<string>();
  constructor(
    readonly out: WindowsEventFields,
    private readonly data: Readonly<Record<string, string>>,
  ) {}

  /** A data value without marking it mapped (it stays in extra too). */
  dataOf(key: string): string | undefined {
    return present(this.data[key]);
  }

  get(key: string): string | undefined {
    const v = present(this.data[key]);
    if (v !== undefined) this.used.add(key);
    return v;
  }

  /** The acting process from an image path, pid and guid field. */
  process(image: string, pidKey: string, guidKey: string): void {
    const path = this.get(image);
    if (path) {
      this.out.process_path = path;
      this.out.process_name = baseName(path);
    }
    const p = pid(this.get(pidKey));
    if (p !== undefined) this.out.process_pid = p;
    const g = this.get(guidKey);
    if (g) this.out.process_guid = g;
  }

  set<K extends keyof NormalizedFields>(col: K, key: string): void {
    const v = this.get(key);
    if (v !== undefined) (this.out as unknown as Record<string, unknown>)[col] = v;
  }

  setInt(col: 'src_port' | 'dst_port' | 'process_pid', key: string): void {
    const v = toInt(this.get(key));
    if (v !== undefined) this.out[col] = v;
  }
}

export function mapSysmon(m: Mapper, eventId: number): void {
  const e = m.out;
  e.action = SYSMON_NAMES[eventId] ?? `sysmon_${eventId}`;
  m.set('user', 'User');
  switch (eventId) {
    case 1: {
      e.category = 'process';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      m.set('process_command_line', 'CommandLine');
      const parent = m.get('ParentImage');
      if (parent) e.parent_process_name = baseName(parent);
      m.set('parent_process_command_line', 'ParentCommandLine');
      m.set('parent_process_guid', 'ParentProcessGuid');
      const h = pickHash(m.get('Hashes'));
      if (h) e.process_hash = h;
      // ParentImage and Hashes are kept whole in extra: the column holds a part.
      m.used.delete('ParentImage');
      m.used.delete('Hashes');
      e.message = `Process start: ${e.process_command_line ?? e.process_path ?? '?'}`;
      return;
    }
    case 5:
      e.category = 'process';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      e.message = `Process end: ${e.process_path ?? '?'}`;
      return;
    case 3: {
      // Source and destination as Sysmon names them; Initiated says who opened the connection.
      e.category = 'network';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      m.set('src_ip', 'SourceIp');
      m.setInt('src_port', 'SourcePort');
      m.set('dst_ip', 'DestinationIp');
      m.setInt('dst_port', 'DestinationPort');
      m.set('domain', 'DestinationHostname');
      e.message = `Network connection ${e.src_ip ?? '?'}:${e.src_port ?? '?'} -> ${e.dst_ip ?? '?'}:${e.dst_port ?? '?'}${
        e.domain ? ` (${e.domain})` : ''
      }`;
      return;
    }
    case 22:
      e.category = 'dns';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      m.set('domain', 'QueryName');
      e.message = `DNS query: ${e.domain ?? '?'}${m.dataOf('QueryResults') ? ` -> ${m.dataOf('QueryResults')}` : ''}`;
      return;
    case 7:
    case 6: {
      // The loaded module's hash is the file's, not the process's.
      e.category = eventId === 7 ? 'process' : 'other';
      if (eventId === 7) m.process('Image', 'ProcessId', 'ProcessGuid');
      m.set('file_path', 'ImageLoaded');
      const h = pickHash(m.get('Hashes'));
      if (h) e.file_hash = h;
      m.used.delete('Hashes');
      e.message = `${eventId === 7 ? 'Image loaded' : 'Driver loaded'}: ${e.file_path ?? '?'}`;
      return;
    }
    case 2:
    case 11:
    case 15:
    case 23:
    case 26:
    case 27:
    case 28:
    case 29: {
      e.category = 'file';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      m.set('file_path', 'TargetFilename');
      const h = pickHash(m.get('Hashes') ?? m.get('Hash'));
      if (h) e.file_hash = h;
      m.used.delete('Hashes');
      m.used.delete('Hash');
      e.message = `${e.action}: ${e.file_path ?? '?'}`;
      return;
    }
    case 12:
    case 13:
    case 14: {
      e.category = 'registry';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      m.set('registry_path', 'TargetObject');
      // EventType: CreateKey, DeleteKey, SetValue, DeleteValue, RenameKey...
      const type = m.get('EventType');
      if (type) e.action = type;
      const details = m.dataOf('Details');
      e.message = `Registry ${type ?? e.action}: ${e.registry_path ?? '?'}${details ? ` = ${details}` : ''}`;
      return;
    }
    case 8:
    case 10: {
      // The source process acts on the target; the target stays in extra.
      e.category = 'process';
      m.process('SourceImage', 'SourceProcessId', 'SourceProcessGuid');
      if (!e.process_guid) m.set('process_guid', 'SourceProcessGUID');
      e.message = `${eventId === 8 ? 'Remote thread' : 'Process access'}: ${e.process_path ?? '?'} -> ${m.dataOf('TargetImage') ?? '?'}`;
      return;
    }
    case 17:
    case 18:
      e.category = 'other';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      e.message = `Pipe ${eventId === 17 ? 'created' : 'connected'}: ${m.dataOf('PipeName') ?? '?'}`;
      return;
    default:
      e.category = 'other';
      m.process('Image', 'ProcessId', 'ProcessGuid');
      e.message = `Sysmon event ${eventId}${e.process_path ? `: ${e.process_path}` : ''}`;
  }
}

export function mapSecurity(m: Mapper, eventId: number): boolean {
  const e = m.out;
  const auth = SECURITY_AUTH[eventId];
  if (auth) {
    e.category = 'auth';
    e.action = auth;
    const target = account(m.get('TargetDomainName'), m.get('TargetUserName'));
    const subject = account(m.dataOf('SubjectDomainName'), m.dataOf('SubjectUserName'));
    e.user = target ?? subject;
    if (!target && subject) {
      m.used.add('SubjectDomainName');
      m.used.add('SubjectUserName');
    }
    m.set('src_ip', 'IpAddress');
    const port = toInt(m.dataOf('IpPort'));
    if (port !== undefined && port > 0) {
      e.src_port = port;
      m.used.add('IpPort');
    }
    const proc = m.get('ProcessName');
    if (proc) {
      e.process_path = proc;
      e.process_name = baseName(proc);
    }
    const p = pid(m.get('ProcessId'));
    if (p !== undefined && p > 0) e.process_pid = p;
    const logonType = m.dataOf('LogonType');
    const from = m.dataOf('WorkstationName') ?? e.src_ip;
    e.message = `${auth.replace(/_/g, ' ')}: ${e.user ?? '?'}${logonType ? ` (type ${logonType})` : ''}${from ? ` from ${from}` : ''}`;
    return true;
  }
  switch (eventId) {
    case 4688:
    case 4689: {
      e.category = 'process';
      e.action = eventId === 4688 ? 'process_start' : 'process_end';
      const image = m.get(eventId === 4688 ? 'NewProcessName' : 'ProcessName');
      if (image) {
        e.process_path = image;
        e.process_name = baseName(image);
      }
      const p = pid(m.get(eventId === 4688 ? 'NewProcessId' : 'ProcessId'));
      if (p !== undefined) e.process_pid = p;
      m.set('process_command_line', 'CommandLine');
      const parent = m.dataOf('ParentProcessName');
      if (parent) e.parent_process_name = baseName(parent);
      e.user = account(m.get('SubjectDomainName'), m.get('SubjectUserName'));
      if (e.user === undefined) delete e.user;
      e.message = `${eventId === 4688 ? 'Process start' : 'Process end'}: ${e.process_command_line ?? e.process_path ?? '?'}`;
      return true;
    }
    case 5156:
    case 5157:
    case 5158: {
      // Windows Filtering Platform: Direction %%14592 inbound, %%14593 outbound.
      e.category = 'network';
      e.action = eventId === 5156 ? 'connection_allowed' : eventId === 5157 ? 'connection_blocked' : 'bind_allowed';
      const app = m.get('Application');
      if (app) {
        e.process_path = app;
        e.process_name = baseName(app);
      }
      const p = pid(m.get('ProcessID') ?? m.get('ProcessId'));
      if (p !== undefined) e.process_pid = p;
      m.set('src_ip', 'SourceAddress');
      m.setInt('src_port', 'SourcePort');
      m.set('dst_ip', 'DestAddress');
      m.setInt('dst_port', 'DestPort');
      e.message = `WFP ${e.action.replace(/_/g, ' ')}: ${e.src_ip ?? '?'}:${e.src_port ?? '?'} -> ${e.dst_ip ?? '?'}:${e.dst_port ?? '?'}`;
      return true;
    }
    case 1102:
      e.category = 'other';
      e.action = 'log_cleared';
      return false;
  }
  return false;
}
