// Carbon Black EDR raw endpoint events (ingress.event.*) as cb-event-forwarder writes them
// in JSON mode: one flat object per event with `type`, `timestamp` (epoch seconds, endpoint
// clock), `computer_name`, `sensor_id`, `process_guid`, `pid`, `process_path`, `md5`, plus
// per-type keys. Field names follow the forwarder's protobuf conversion
// (cmd/cb-event-forwarder/pb_message_processor.go) and its documented event schema.
import type { EventCategory } from '../../common/schema';
import type { ParsedEvent } from './types';
import { baseName, toInt } from './fields';
import { copyExtra, realHash, text, type CbTime, type Obj } from './carbonblack-edr-common';

// Enum values written when a forwarder emits the numeric code instead of the name.
const FILEMOD_ACTIONS: Record<number, string> = { 1: 'create', 2: 'write', 4: 'delete', 8: 'lastwrite' };
const REGMOD_ACTIONS: Record<number, string> = { 1: 'createkey', 2: 'writeval', 4: 'delkey', 8: 'delval' };
const PROTOCOLS: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' };

function modAction(o: Obj, names: Record<number, string>): string | undefined {
  const v = o.action;
  if (typeof v === 'string' && toInt(v) === undefined) return v || undefined;
  const code = toInt(v) ?? toInt(o.actiontype);
  if (code === undefined) return undefined;
  return names[code] ?? `unknown (${code})`;
}

/** The kind of endpoint event, from `type` or (for keys the forwarder did not rename) `event_type`. */
function kindOf(type: string, o: Obj): string {
  if (type.startsWith('ingress.event.')) return type.slice('ingress.event.'.length);
  return text(o, 'event_type') ?? type;
}

export function mapSensorEvent(type: string, o: Obj, time: CbTime): ParsedEvent {
  const kind = kindOf(type, o);
  const e: ParsedEvent = { ts: time.ts, timeRaw: time.timeRaw, timeZone: 'UTC', category: 'other', action: kind };
  const used = new Set<string>(['type', 'timestamp']);
  const take = (key: string): string | undefined => {
    const v = text(o, key);
    if (v !== undefined) used.add(key);
    return v;
  };
  const host = take('computer_name');
  if (host) e.host = host;

  // The reporting process (the event header): every type but procstart/childproc
  // describes something this process did.
  const actorPath = take('process_path');
  const actorPid = toInt(o.pid);
  const setActor = (withHash: boolean): void => {
    if (actorPath) {
      e.process_path = actorPath;
      e.process_name = baseName(actorPath);
    }
    if (actorPid !== undefined) {
      e.process_pid = actorPid;
      used.add('pid');
    }
    if (withHash) {
      const md5 = realHash(take('md5'));
      if (md5) e.process_hash = md5;
    }
  };
  const user = take('username');
  if (user) e.user = user;

  switch (kind) {
    case 'procstart':
    case 'procend':
    case 'process': {
      // process_path (header) and path (new image) name the same process here.
      e.category = 'process';
      e.action = kind === 'procend' ? 'process_end' : 'process_start';
      setActor(true);
      const path = take('path');
      if (path) {
        e.process_path = path;
        e.process_name = baseName(path);
      }
      const cmd = take('command_line');
      if (cmd) e.process_command_line = cmd;
      const parent = text(o, 'parent_path');
      if (parent) e.parent_process_name = baseName(parent);
      e.message = `${e.action === 'process_end' ? 'Process end' : 'Process start'}: ${cmd ?? path ?? actorPath ?? '?'}`;
      break;
    }
    case 'childproc': {
      // Reported by the parent: the header is the parent, path/child_pid the child.
      e.category = 'process';
      e.action = o.created === false ? 'child_process_end' : 'child_process_start';
      if (actorPath) {
        e.parent_process_name = baseName(actorPath);
        used.delete('process_path'); // the parent's full path has no column of its own
      }
      const path = take('path');
      if (path) {
        e.process_path = path;
        e.process_name = baseName(path);
      }
      const childPid = toInt(o.child_pid);
      if (childPid !== undefined) {
        e.process_pid = childPid;
        used.add('child_pid');
      }
      const md5 = realHash(take('md5'));
      if (md5) e.process_hash = md5;
      const cmd = take('child_command_line');
      if (cmd) e.process_command_line = cmd;
      const childUser = take('child_username');
      if (childUser) e.user = childUser;
      e.message = `Child process ${e.action === 'child_process_end' ? 'end' : 'start'}: ${cmd ?? path ?? '?'}${
        actorPath ? ` (parent ${actorPath})` : ''
      }`;
      break;
    }
    case 'netconn':
    case 'blocked_netconn': {
      e.category = 'network';
      e.action = kind === 'netconn' ? 'connection' : 'connection_blocked';
      setActor(true);
      // Older sensors give only ipv4/port (the remote end).
      const remoteIp = take('remote_ip') ?? take('ipv4');
      const remotePort = toInt(o.remote_port) ?? toInt(o.port);
      const localIp = take('local_ip');
      const localPort = toInt(o.local_port);
      if (toInt(o.remote_port) !== undefined) used.add('remote_port');
      else if (remotePort !== undefined) used.add('port');
      if (localPort !== undefined) used.add('local_port');
      const inbound = text(o, 'direction') === 'inbound';
      const [srcIp, srcPort, dstIp, dstPort] = inbound
        ? [remoteIp, remotePort, localIp, localPort]
        : [localIp, localPort, remoteIp, remotePort];
      if (srcIp) e.src_ip = srcIp;
      if (srcPort !== undefined) e.src_port = srcPort;
      if (dstIp) e.dst_ip = dstIp;
      if (dstPort !== undefined) e.dst_port = dstPort;
      const domain = take('domain');
      if (domain) e.domain = domain;
      const proto = toInt(o.protocol);
      const protoName = proto === undefined ? '' : (PROTOCOLS[proto] ?? String(proto));
      e.message = `${text(o, 'direction') ?? 'connection'} ${protoName} ${srcIp ?? '?'}:${srcPort ?? '?'} -> ${
        dstIp ?? '?'
      }:${dstPort ?? '?'}${domain ? ` (${domain})` : ''}`.replace(/ {2}/g, ' ');
      break;
    }
    case 'filemod': {
      e.category = 'file';
      setActor(true);
      e.action = modAction(o, FILEMOD_ACTIONS) ?? 'filemod';
      used.add('action');
      const path = take('path');
      if (path) e.file_path = path;
      e.message = `File ${e.action}: ${path ?? '?'}`;
      break;
    }
    case 'regmod': {
      e.category = 'registry';
      setActor(true);
      e.action = modAction(o, REGMOD_ACTIONS) ?? 'regmod';
      used.add('action');
      const path = take('path');
      if (path) e.registry_path = path;
      e.message = `Registry ${e.action}: ${path ?? '?'}`;
      break;
    }
    case 'moduleload':
    case 'modload': {
      // md5/sha256 here are the module's, not the process's: they stay in extra.
      e.category = 'process';
      e.action = 'module_load';
      setActor(false);
      const path = take('path');
      if (path) e.file_path = path;
      e.message = `Module load: ${path ?? '?'}`;
      break;
    }
    case 'crossprocopen':
    case 'remotethread':
    case 'cross_process': {
      e.category = 'process';
      e.action = text(o, 'cross_process_type') ?? kind;
      setActor(true);
      const target = text(o, 'target_path');
      const targetPid = toInt(o.target_pid);
      e.message = `Cross-process ${e.action}: ${target ?? '?'}${targetPid !== undefined ? ` (pid ${targetPid})` : ''}`;
      break;
    }
    case 'processblock':
    case 'blocked_process':
    case 'tamper':
    case 'emetmitigation':
    case 'emet_mitigation': {
      e.category = 'alert';
      setActor(kind !== 'tamper');
      const path = take('path');
      if (path && !e.process_path) {
        e.process_path = path;
        e.process_name = baseName(path);
      }
      const cmd = take('command_line');
      if (cmd) e.process_command_line = cmd;
      e.message = `${kind}: ${text(o, 'tamper_type') ?? text(o, 'blocked_result') ?? text(o, 'mitigation') ?? path ?? ''}`.trim();
      break;
    }
    default: {
      e.category = kindCategory(kind);
      setActor(true);
      e.message = `Carbon Black EDR ${type}`;
    }
  }
  const extra: Obj = {};
  copyExtra(extra, o, used);
  e.extra = extra;
  return e;
}

function kindCategory(kind: string): EventCategory {
  if (kind.includes('netconn')) return 'network';
  return 'other';
}
