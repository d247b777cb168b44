// Migration 1: cases, evidence, normalized events, rejected records and the `events` view.
// Never edit a shipped migration: a case written by an older version must still open.
// Add 002_*.ts instead.

export const migration001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE case_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE evidence (
  id        INTEGER PRIMARY KEY,
  path      TEXT NOT NULL,     -- where the engine read it (original location, or serve's upload copy)
  name      TEXT NOT NULL,     -- the name the examiner knows it by
  size      INTEGER NOT NULL,
  mtime     TEXT NOT NULL,     -- ISO UTC modification time when ingested
  sha256    TEXT,              -- computed in the ingest pass; NULL until it completes
  sha1      TEXT,
  md5       TEXT,
  format    TEXT NOT NULL,
  encoding  TEXT NOT NULL,
  timezone  TEXT NOT NULL,     -- zone assumed for zone-less timestamps
  base_year INTEGER NOT NULL,  -- year assumed for year-less timestamps
  lines     INTEGER NOT NULL DEFAULT 0,
  events    INTEGER NOT NULL DEFAULT 0,
  rejected  INTEGER NOT NULL DEFAULT 0,
  skipped   INTEGER NOT NULL DEFAULT 0,  -- headers, comments, blank lines
  status    TEXT NOT NULL,     -- ingesting | complete | incomplete
  added_at  TEXT NOT NULL
);

CREATE TABLE event_row (
  id                          INTEGER PRIMARY KEY,
  evidence_id                 INTEGER NOT NULL REFERENCES evidence(id),
  time                        TEXT NOT NULL,  -- ISO-8601 UTC with milliseconds
  time_raw                    TEXT NOT NULL,  -- as the source wrote it
  time_zone                   TEXT NOT NULL,  -- how time was derived: UTC, +09:00, "Asia/Tokyo (assumed)"
  host                        TEXT,
  host_resolved               INTEGER NOT NULL DEFAULT 0,  -- 1 when host was filled from an IP map
  user                        TEXT,
  category                    TEXT NOT NULL,
  action                      TEXT,
  severity                    TEXT,
  process_name                TEXT,
  process_path                TEXT,
  process_command_line        TEXT,
  process_pid                 INTEGER,
  process_hash                TEXT,
  process_guid                TEXT,
  parent_process_guid         TEXT,
  parent_process_name         TEXT,
  parent_process_command_line TEXT,
  src_ip                      TEXT,
  src_port                    INTEGER,
  dst_ip                      TEXT,
  dst_port                    INTEGER,
  url                         TEXT,
  domain                      TEXT,
  http_status                 INTEGER,
  bytes_in                    INTEGER,
  bytes_out                   INTEGER,
  duration_ms                 INTEGER,
  file_path                   TEXT,
  file_hash                   TEXT,
  registry_path               TEXT,
  message                     TEXT,
  extra                       TEXT,           -- JSON object of format-specific fields
  source_line                 INTEGER NOT NULL,
  source_offset               INTEGER NOT NULL,  -- byte offset of the record in the evidence file
  source_length               INTEGER NOT NULL   -- byte length of the record as written
);
CREATE INDEX event_row_time ON event_row (time, id);

CREATE TABLE rejected_record (
  id          INTEGER PRIMARY KEY,
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  line        INTEGER NOT NULL,
  byte_offset INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  raw         TEXT NOT NULL   -- the record as written (truncated past 64 KiB; the offset finds the rest)
);
CREATE INDEX rejected_record_evidence ON rejected_record (evidence_id, line);

CREATE VIEW events AS
SELECT e.id, e.time, e.time_raw, e.time_zone, e.host, e.host_resolved, e.user, e.category,
       e.action, e.severity, e.process_name, e.process_path, e.process_command_line,
       e.process_pid, e.process_hash, e.process_guid, e.parent_process_guid,
       e.parent_process_name, e.parent_process_command_line,
       e.src_ip, e.src_port, e.dst_ip, e.dst_port, e.url, e.domain, e.http_status,
       e.bytes_in, e.bytes_out, e.duration_ms, e.file_path, e.file_hash,
       e.registry_path, e.message, e.extra, e.evidence_id,
       v.path AS source_file, v.format AS source_format, e.source_line,
       e.source_offset, e.source_length
FROM event_row e JOIN evidence v ON v.id = e.evidence_id;
`,
};
