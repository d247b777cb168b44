// `extra` in SQL since migration 015 (extra-encoder.ts says how it is stored).
// - The `events` view of the case file rebuilds it in plain SQL, so any sqlite3 shell reads
//   the same JSON text as before (EVENTS_VIEW_SQL); ~tens of µs per row.
// - Every engine connection registers functions that rebuild it in JavaScript from a cached
//   dictionary (a few µs per row) and a TEMP VIEW `events` that shadows the file's view with
//   them: engine code reading `events.extra` is unchanged. Code reading event_row itself uses
//   extraSql() (the whole text) or extraKeySql() (one key's value, as json_extract gives it).
import type { Database } from 'sql.js';
import { installExtraFunctions, type ExtraDecoder } from './extra-functions';

/** Columns of the `events` view, `extra` excepted, as they were before migration 015. */
const HEAD = `e.id, e.time, e.time_raw, e.time_zone, COALESCE(e.time_original, e.time) AS time_original,
       e.host, e.host_resolved, e.user, e.category,
       e.action, e.severity, e.process_name, e.process_path, e.process_command_line,
       e.process_pid, e.process_hash, e.process_guid, e.parent_process_guid,
       e.parent_process_name, e.parent_process_command_line,
       e.src_ip, e.src_port, e.dst_ip, e.dst_port, e.url, e.domain, e.http_status,
       e.bytes_in, e.bytes_out, e.duration_ms, e.file_path, e.file_hash,
       e.registry_path, e.message`;
const TAIL = `e.evidence_id,
       v.path AS source_file, v.format AS source_format, e.source_line,
       e.source_offset, e.source_length`;

const at = (i: string): string => `'$[' || ${i} || ']'`;
/** The plain-SQL rebuild of e's extra: one JSON member per key of its shape, in key order. */
const PLAIN_EXTRA = `CASE WHEN e.extra_shape IS NULL THEN e.extra_values ELSE (
  SELECT json_group_object(k.value, CASE
    WHEN json_extract(s.coded, ${at('k.key')}) = 1
      THEN json((SELECT x.value FROM extra_value x WHERE x.evidence_id = e.evidence_id AND x.n = json_extract(e.extra_values, ${at('k.key')})))
    WHEN json_type(e.extra_values, ${at('k.key')}) = 'array'
      THEN json((SELECT x.value FROM extra_value x WHERE x.evidence_id = e.evidence_id AND x.n = json_extract(e.extra_values, '$[' || k.key || '][0]')))
    ELSE json_extract(e.extra_values, ${at('k.key')}) END)
  FROM extra_shape s, json_each(s.keys) k
  WHERE s.evidence_id = e.evidence_id AND s.n = e.extra_shape) END`;

function eventsViewSql(schema: 'main' | 'temp', extra: string): string {
  const from = schema === 'temp' ? 'main.event_row e JOIN main.evidence v' : 'event_row e JOIN evidence v';
  return `CREATE ${schema === 'temp' ? 'TEMP ' : ''}VIEW events AS
SELECT ${HEAD}, ${extra} AS extra, ${TAIL}
FROM ${from} ON v.id = e.evidence_id`;
}

/** The case file's `events` view (migration 015): plain SQL, for any sqlite3. */
export const EVENTS_VIEW_SQL = eventsViewSql('main', PLAIN_EXTRA);

/** The whole `extra` JSON text of a row of event_row (alias: its table alias, if any). */
export function extraSql(alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `tl_extra(${a}evidence_id, ${a}extra_shape, ${a}extra_values)`;
}

/**
 * One key's value as json_extract(extra, path) gives it (NULL when absent). `path` and
 * `key` are SQL expressions (parameters or quoted literals): the JSON path `$."key"` and
 * the key itself.
 */
export function extraKeySql(path: string, key: string, alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `CASE WHEN ${a}extra_shape IS NULL THEN json_extract(${a}extra_values, ${path}) ELSE json_extract(tl_extra_value(${a}evidence_id, ${a}extra_shape, ${a}extra_values, ${key}), '$') END`;
}

/**
 * Text to test a key's value with LIKE (a prefilter): its JSON text, or the whole extra text
 * of a row that holds it as text. Either contains the value as JSON writes it.
 */
export function extraKeyTextSql(key: string, alias = ''): string {
  const a = alias ? `${alias}.` : '';
  return `CASE WHEN ${a}extra_shape IS NULL THEN ${a}extra_values ELSE tl_extra_value(${a}evidence_id, ${a}extra_shape, ${a}extra_values, ${key}) END`;
}

/** A quoted SQL literal of a key and its path, for extraKeySql with a fixed key. */
export function extraKeyLiteral(key: string, alias = ''): string {
  const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  return extraKeySql(lit(`$."${key}"`), lit(key), alias);
}

const registered = new WeakMap<Database, ExtraDecoder>();

/** The TEMP VIEW events of engine connections: the file's view, with extra from tl_extra. */
export const TEMP_EVENTS_VIEW_SQL = eventsViewSql('temp', extraSql('e'));

/** What a worker that cannot import the engine installs (assist/run-bounded.ts). */
export const EXTRA_FUNCTIONS_SOURCE = { install: installExtraFunctions.toString(), viewSql: TEMP_EVENTS_VIEW_SQL };

/** Registers tl_extra, tl_extra_value and the TEMP VIEW events on an engine connection to a migrated case. */
export function registerExtraFunctions(db: Database): ExtraDecoder {
  let decoder = registered.get(db);
  if (!decoder) {
    decoder = installExtraFunctions(db, TEMP_EVENTS_VIEW_SQL);
    registered.set(db, decoder);
  }
  return decoder;
}

/** The connection's JavaScript rebuild of extra (the same as tl_extra). */
export const extraDecoder = registerExtraFunctions;
