// The fields a query can name: every column of the `events` view, a few aliases, and the
// kind of comparison each takes. Data, not code: adding a field is one line here.

export type FieldKind =
  /** Short values compared whole (host names, users, addresses): `host:ws-tky-014`. */
  | 'keyword'
  /** Long values searched inside (command lines, URLs, paths, messages): `url:invoice`. */
  | 'text'
  /** Integers compared exactly or by range. */
  | 'number'
  /** The normalized UTC time, by prefix or range. */
  | 'time'
  /** Labels of the event's active tags (tag table). */
  | 'tag'
  /** Evidence file path or format (evidence table). */
  | 'evidence';

export interface FieldSpec {
  kind: FieldKind;
  /** event_row columns the field reads (an alias such as `ip` reads several, any may match). */
  columns: string[];
}

const keyword = (...columns: string[]): FieldSpec => ({ kind: 'keyword', columns });
const text = (...columns: string[]): FieldSpec => ({ kind: 'text', columns });
const number = (...columns: string[]): FieldSpec => ({ kind: 'number', columns });

export const FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: number('id'),
  time: { kind: 'time', columns: ['time'] },
  time_original: { kind: 'time', columns: ['time_original'] },
  time_raw: text('time_raw'),
  time_zone: keyword('time_zone'),
  host: keyword('host'),
  host_resolved: number('host_resolved'),
  user: keyword('user'),
  category: keyword('category'),
  action: keyword('action'),
  severity: keyword('severity'),
  process_name: keyword('process_name'),
  process_path: text('process_path'),
  process_command_line: text('process_command_line'),
  process_pid: number('process_pid'),
  process_hash: keyword('process_hash'),
  process_guid: keyword('process_guid'),
  parent_process_guid: keyword('parent_process_guid'),
  parent_process_name: keyword('parent_process_name'),
  parent_process_command_line: text('parent_process_command_line'),
  src_ip: keyword('src_ip'),
  src_port: number('src_port'),
  dst_ip: keyword('dst_ip'),
  dst_port: number('dst_port'),
  url: text('url'),
  domain: keyword('domain'),
  http_status: number('http_status'),
  bytes_in: number('bytes_in'),
  bytes_out: number('bytes_out'),
  duration_ms: number('duration_ms'),
  file_path: text('file_path'),
  file_hash: keyword('file_hash'),
  registry_path: text('registry_path'),
  message: text('message'),
  // Stored compactly (store/extra/): rebuilt by id, which names the row in event_row and events alike.
  extra: text('tl_extra_of(id)'),
  evidence_id: number('evidence_id'),
  source_line: number('source_line'),
  source_file: { kind: 'evidence', columns: ['path'] },
  source_format: { kind: 'evidence', columns: ['format'] },
  tag: { kind: 'tag', columns: ['label'] },
  // Aliases an investigator types without thinking.
  ip: keyword('src_ip', 'dst_ip'),
  port: number('src_port', 'dst_port'),
  process: keyword('process_name'),
  cmd: text('process_command_line'),
  commandline: text('process_command_line'),
  parent: keyword('parent_process_name'),
  hash: keyword('process_hash', 'file_hash'),
  path: text('process_path', 'file_path', 'registry_path'),
  file: text('file_path'),
  registry: text('registry_path'),
  status: number('http_status'),
  pid: number('process_pid'),
  format: { kind: 'evidence', columns: ['format'] },
};

/** The columns bare words search (without a field). */
export const TEXT_COLUMNS = [
  'host',
  'user',
  'action',
  'process_name',
  'process_command_line',
  'parent_process_name',
  'parent_process_command_line',
  'url',
  'domain',
  'src_ip',
  'dst_ip',
  'file_path',
  'registry_path',
  'message',
] as const;

export function fieldSpec(name: string): FieldSpec | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(FIELDS, key) ? FIELDS[key] : undefined;
}
