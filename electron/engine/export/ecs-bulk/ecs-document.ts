// One timeline row as an Elastic Common Schema document (ECS 8.11 field names), for OpenSearch
// or Elasticsearch when a case outgrows one machine. Values are the case's, unchanged; where
// ECS has no field for one of ours (time as written, provenance, format-specific fields) it
// goes under `tracelight.*`, so nothing the case holds is lost on the way.
import type { SqlValue } from 'sql.js';
import { COL, TIMELINE_COLUMNS, type TimelineColumn } from '../timeline-rows';

export const ECS_VERSION = '8.11.0';

/** Our categories in ECS's allowed event.category values (none for "other"). */
const ECS_CATEGORY: Record<string, string[]> = {
  process: ['process'],
  network: ['network'],
  web: ['web', 'network'],
  dns: ['network'],
  file: ['file'],
  registry: ['registry'],
  firewall: ['network'],
  auth: ['authentication'],
  alert: ['intrusion_detection'],
};

/** ECS path of each column that has one. Hash columns are placed by their length (hashPath). */
const ECS_PATH: Partial<Record<TimelineColumn, string>> = {
  time: '@timestamp',
  host: 'host.name',
  user: 'user.name',
  action: 'event.action',
  process_name: 'process.name',
  process_path: 'process.executable',
  process_command_line: 'process.command_line',
  process_pid: 'process.pid',
  process_guid: 'process.entity_id',
  parent_process_guid: 'process.parent.entity_id',
  parent_process_name: 'process.parent.name',
  parent_process_command_line: 'process.parent.command_line',
  src_ip: 'source.ip',
  src_port: 'source.port',
  dst_ip: 'destination.ip',
  dst_port: 'destination.port',
  url: 'url.original',
  domain: 'destination.domain',
  http_status: 'http.response.status_code',
  // bytes_in is what the client received: in ECS, what the destination sent.
  bytes_in: 'destination.bytes',
  bytes_out: 'source.bytes',
  file_path: 'file.path',
  registry_path: 'registry.path',
  message: 'message',
  source_file: 'log.file.path',
};

/** process_hash / file_hash go to the ECS hash field of their algorithm, told by length. */
function hashPath(prefix: string, v: string): string {
  const algo = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' }[v.length];
  return algo && /^[0-9a-f]+$/i.test(v) ? `${prefix}.hash.${algo}` : `tracelight.${prefix}_hash`;
}

function put(doc: Record<string, unknown>, dotted: string, v: unknown): void {
  const parts = dotted.split('.');
  let o = doc;
  for (let i = 0; i < parts.length - 1; i++) o = (o[parts[i]!] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = v;
}

export function ecsDocument(values: SqlValue[]): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  const category = String(values[COL.category]);
  put(doc, 'ecs.version', ECS_VERSION);
  put(doc, 'event.kind', 'event');
  if (ECS_CATEGORY[category]) put(doc, 'event.category', ECS_CATEGORY[category]);
  put(doc, 'event.dataset', `tracelight.${String(values[COL.source_format])}`);
  for (const c of TIMELINE_COLUMNS) {
    const v = values[COL[c]];
    if (v === null || v === undefined) continue;
    if (v instanceof Uint8Array) put(doc, `tracelight.${c}`, Buffer.from(v).toString('base64'));
    else if (c === 'tags') put(doc, 'tags', String(v).split(', '));
    else if (c === 'extra') put(doc, 'tracelight.extra', JSON.parse(String(v)));
    else if (c === 'duration_ms') put(doc, 'event.duration', Math.round(Number(v) * 1e6)); // ECS: nanoseconds
    else if (c === 'process_hash') put(doc, hashPath('process', String(v)), v);
    else if (c === 'file_hash') put(doc, hashPath('file', String(v)), v);
    else if (c === 'id') put(doc, 'tracelight.event_id', v);
    else {
      const p = ECS_PATH[c];
      // Our own columns keep their names under tracelight.* (category, severity, provenance).
      put(doc, p ?? `tracelight.${c}`, v);
    }
  }
  // The exact duration too: event.duration is rounded to whole nanoseconds.
  if (values[COL.duration_ms] !== null) put(doc, 'tracelight.duration_ms', values[COL.duration_ms]);
  return doc;
}

/** The bulk action line: index the document under an id that is stable for this case's event. */
export function bulkAction(caseId: string, values: SqlValue[]): string {
  return JSON.stringify({ index: { _id: `${caseId}-${String(values[COL.id])}` } });
}
