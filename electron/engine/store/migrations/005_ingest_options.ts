// Migration 5: ingest options chosen per file, zip entries as evidence, and clock skew.
// - encoding_source / base_year_source: 'detected' (from content, or the file's modification
//   year) or 'chosen' (the examiner overrode it at ingest); the values stay in encoding/base_year.
// - A .zip is one evidence row (hashed as given, container 'zip-archive'); each log inside it
//   is its own row (parent_id = the archive's row, hashes of the entry's decompressed bytes,
//   container 'zip', or 'zip+gzip' for a .gz inside the zip; entry_name is its path inside
//   the archive, by which the original record of an event is read back).
// - clock_skew_ms: the correction applied to every event of this evidence (evidence.skew
//   custody entries); event_row.time_original keeps the time as first normalized (NULL until
//   the evidence is first skewed), so re-applying a skew replaces it instead of adding up.
// The events view gains time_original (the pre-correction time, = time when never skewed).

/** The `events` view as this migration made it (what cases up to schema 14 hold; tests build one). */
export const EVENTS_VIEW_005 = `CREATE VIEW events AS
SELECT e.id, e.time, e.time_raw, e.time_zone, COALESCE(e.time_original, e.time) AS time_original,
       e.host, e.host_resolved, e.user, e.category,
       e.action, e.severity, e.process_name, e.process_path, e.process_command_line,
       e.process_pid, e.process_hash, e.process_guid, e.parent_process_guid,
       e.parent_process_name, e.parent_process_command_line,
       e.src_ip, e.src_port, e.dst_ip, e.dst_port, e.url, e.domain, e.http_status,
       e.bytes_in, e.bytes_out, e.duration_ms, e.file_path, e.file_hash,
       e.registry_path, e.message, e.extra, e.evidence_id,
       v.path AS source_file, v.format AS source_format, e.source_line,
       e.source_offset, e.source_length
FROM event_row e JOIN evidence v ON v.id = e.evidence_id;`;

export const migration005 = {
  version: 5,
  name: 'ingest_options',
  sql: `
ALTER TABLE evidence ADD COLUMN encoding_source TEXT NOT NULL DEFAULT 'detected';
ALTER TABLE evidence ADD COLUMN base_year_source TEXT NOT NULL DEFAULT 'detected';
ALTER TABLE evidence ADD COLUMN parent_id INTEGER REFERENCES evidence(id);
ALTER TABLE evidence ADD COLUMN entry_name TEXT;
ALTER TABLE evidence ADD COLUMN clock_skew_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_row ADD COLUMN time_original TEXT;

DROP VIEW events;
${EVENTS_VIEW_005}
`,
};
