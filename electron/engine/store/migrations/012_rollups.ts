// Migration 12: counts kept beside the events so that the workspace's facets and histogram
// answer for a whole case without scanning it (store/rollups/), and the record of an import
// scope (ingest/scope/).
//
// rollup_count holds, per evidence file, how many events carry each value of a facet field;
// rollup_time how many fall in each UTC minute and hour. Per evidence so that removing a file
// or correcting its clock touches only its own rows. NULL values are not counted (a facet
// lists values; "no value" is the total minus the sum). Rows whose values the ingest did not
// write (host filled from an IP map, times moved by a clock-skew correction, tags) are
// recomputed by the code that changes them.
//
// The backfill below gives cases made by an older version the same rollups a fresh ingest
// writes; it reads every event once per field, once.

const FACETS = ['host', 'user', 'category', 'action', 'src_ip', 'dst_ip', 'dst_port', 'domain'];

const backfill = FACETS.map(
  (f) => `INSERT INTO rollup_count (field, value, evidence_id, n)
SELECT '${f}', ${f}, evidence_id, count(*) FROM event_row WHERE ${f} IS NOT NULL GROUP BY ${f}, evidence_id;`,
).join('\n');

export const migration012 = {
  version: 12,
  name: 'rollups',
  sql: `
CREATE TABLE rollup_count (
  field       TEXT NOT NULL,     -- host, user, category, action, src_ip, dst_ip, dst_port, domain, tag
  value       NOT NULL,          -- no declared type, so no affinity: stored in event_row (dst_port is an integer)
  evidence_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (field, value, evidence_id)
) WITHOUT ROWID;
CREATE INDEX rollup_count_evidence ON rollup_count (evidence_id);

-- Fields of a file not rolled up: more distinct values than the ingest counts in memory (a
-- firewall log where nearly every line has a new destination). Their facets scan event_row.
CREATE TABLE rollup_gap (
  field       TEXT NOT NULL,
  evidence_id INTEGER NOT NULL,
  PRIMARY KEY (field, evidence_id)
) WITHOUT ROWID;

CREATE TABLE rollup_time (
  bucket      TEXT NOT NULL,     -- minute | hour
  start       TEXT NOT NULL,     -- the bucket's first instant, ISO UTC: 2026-10-05T00:12 / 2026-10-05T00
  evidence_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (bucket, start, evidence_id)
) WITHOUT ROWID;
CREATE INDEX rollup_time_evidence ON rollup_time (evidence_id);

-- Import scoping (ingest/scope/): what the ingest was told to keep (JSON), and how many
-- parsed events it left out; NULL / 0 for a file taken whole.
ALTER TABLE evidence ADD COLUMN scope TEXT;
ALTER TABLE evidence ADD COLUMN scoped_out INTEGER NOT NULL DEFAULT 0;

${backfill}
INSERT INTO rollup_time (bucket, start, evidence_id, n)
SELECT 'minute', substr(time, 1, 16), evidence_id, count(*) FROM event_row GROUP BY substr(time, 1, 16), evidence_id;
INSERT INTO rollup_time (bucket, start, evidence_id, n)
SELECT 'hour', substr(time, 1, 13), evidence_id, count(*) FROM event_row GROUP BY substr(time, 1, 13), evidence_id;
INSERT INTO rollup_count (field, value, evidence_id, n)
SELECT 'tag', t.label, e.evidence_id, count(DISTINCT t.event_id)
FROM tag t JOIN event_row e ON e.id = t.event_id WHERE t.removed_at IS NULL GROUP BY t.label, e.evidence_id;
`,
};
