// Migration 14: events per UTC minute and category, per evidence file, beside rollup_time
// (migration 12), so that the workspace histogram of a whole case, stacked by category,
// answers from a row per minute and category instead of a GROUP BY over every event (9 s on
// a 1M-event case, paid at each opening). Kept like the other rollups: at ingest, on a
// clock-skew correction, on evidence removal (store/rollups/write.ts). The backfill gives an
// older case the same rows, reading its events once.
export const migration014 = {
  version: 14,
  name: 'minute_category',
  sql: `
CREATE TABLE rollup_minute_category (
  start       TEXT NOT NULL,     -- the minute, ISO UTC: 2026-10-05T00:12 (substr(time, 1, 16))
  category    TEXT NOT NULL,
  evidence_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  PRIMARY KEY (start, category, evidence_id)
) WITHOUT ROWID;
CREATE INDEX rollup_minute_category_evidence ON rollup_minute_category (evidence_id);
INSERT INTO rollup_minute_category (start, category, evidence_id, n)
SELECT substr(time, 1, 16), category, evidence_id, count(*) FROM event_row GROUP BY substr(time, 1, 16), category, evidence_id;
`,
};
