// One vocabulary for `action`, whatever the source called it: Defender's ProcessCreated, Carbon
// Black's procstart and Sysmon's event 1 are all `process_start`, FortiGate's accept and PAN-OS's
// allow are `firewall_allow`. Applied as events are written (ingest/event-batch.ts); the value
// the source wrote stays in the event's extra fields as `action_original`. A value not in this
// table is kept as written: a guess would read as a fact. The vocabulary is documented in
// docs/actions.md; keep the two in step.
import type { EventCategory } from '../../common/schema';

/** Raw value (lower case) -> normalized action, whatever the category. */
const ANY: Readonly<Record<string, string>> = {
  // processes
  processcreated: 'process_start',
  procstart: 'process_start',
  process_start: 'process_start',
  processrollup2: 'process_start',
  procend: 'process_end',
  endofprocess: 'process_end',
  terminateprocess: 'process_end',
  process_end: 'process_end',
  imageloaded: 'image_load',
  module_load: 'image_load',
  classifiedmoduleload: 'image_load',
  openprocessapicall: 'process_access',
  open_process: 'process_access',
  createremotethreadapicall: 'create_remote_thread',
  // network (inbound and listening keep those words: detection tells direction by them)
  connectionsuccess: 'network_connection',
  netconn: 'network_connection',
  connectionfailed: 'network_connection_failed',
  connectionattempt: 'network_connection_attempt',
  connectionrequest: 'network_connection_attempt',
  inboundconnectionaccepted: 'network_inbound',
  listeningconnectioncreated: 'network_listen',
  dnsrequest: 'dns_query',
  suspiciousdnsrequest: 'dns_query',
  dnsqueryresponse: 'dns_query',
  dns_query: 'dns_query',
  // files
  filecreated: 'file_create',
  file_create: 'file_create',
  filemodified: 'file_modify',
  filedeleted: 'file_delete',
  file_delete: 'file_delete',
  file_delete_logged: 'file_delete',
  filerenamed: 'file_rename',
  // registry (Sysmon 12-14 write EventType: SetValue, CreateKey, ...)
  registryvalueset: 'registry_value_set',
  setvalue: 'registry_value_set',
  registry_value_set: 'registry_value_set',
  registrykeycreated: 'registry_key_create',
  createkey: 'registry_key_create',
  registrykeydeleted: 'registry_key_delete',
  deletekey: 'registry_key_delete',
  registryvaluedeleted: 'registry_value_delete',
  deletevalue: 'registry_value_delete',
  registrykeyrenamed: 'registry_rename',
  renamekey: 'registry_rename',
  // authentication
  logonsuccess: 'logon',
  logon: 'logon',
  logonfailed: 'logon_failed',
  logon_failed: 'logon_failed',
  logoff: 'logoff',
};

/** Values whose meaning depends on the kind of event. */
const BY_CATEGORY: Partial<Record<EventCategory, Readonly<Record<string, string>>>> = {
  network: { connection: 'network_connection', established: 'network_connection' },
  dns: { query: 'dns_query', dns: 'dns_query' },
  web: Object.fromEntries(['get', 'post', 'put', 'head', 'delete', 'options', 'patch', 'trace', 'connect', 'propfind'].map((m) => [m, 'http_request'])),
  firewall: {
    // A session the firewall let through, at whichever stage the source logged it.
    accept: 'firewall_allow',
    allow: 'firewall_allow',
    allowed: 'firewall_allow',
    permit: 'firewall_allow',
    pass: 'firewall_allow',
    close: 'firewall_allow',
    timeout: 'firewall_allow',
    'client-rst': 'firewall_allow',
    'server-rst': 'firewall_allow',
    built: 'firewall_allow',
    teardown: 'firewall_allow',
    connection_allowed: 'firewall_allow',
    bind_allowed: 'firewall_allow',
    // Stopped by the firewall (dropped, refused or reset by a rule).
    deny: 'firewall_deny',
    denied: 'firewall_deny',
    drop: 'firewall_deny',
    'drop-icmp': 'firewall_deny',
    block: 'firewall_deny',
    blocked: 'firewall_deny',
    reject: 'firewall_deny',
    'reset-both': 'firewall_deny',
    'reset-client': 'firewall_deny',
    'reset-server': 'firewall_deny',
    connection_blocked: 'firewall_deny',
  },
};

/** The normalized action for a source's value, or the value itself when it has none. */
export function normalizeAction(raw: string, category: EventCategory | string): string {
  if (category === 'alert') return 'alert';
  const key = raw.toLowerCase();
  const byCategory = BY_CATEGORY[category as EventCategory];
  if (byCategory && Object.prototype.hasOwnProperty.call(byCategory, key)) return byCategory[key]!;
  return Object.prototype.hasOwnProperty.call(ANY, key) ? ANY[key]! : raw;
}

/** Every normalized action (docs, the query bar's suggestions, tests). */
export const ACTION_VOCABULARY: readonly string[] = [...new Set([...Object.values(ANY), ...Object.values(BY_CATEGORY).flatMap((m) => Object.values(m!)), 'alert'])].sort();
