// Migration 15: `extra` in a compact form (issue 16: ~1.3 KB of a Defender row's 1.7 KB was
// its extra JSON, 63% of it the same 26 key names on every row). store/extra/ says how:
// - extra_shape: per evidence file, each key list extra had (keys as a JSON array) and which
//   keys' values are dictionary ids (coded, a JSON array of 0/1).
// - extra_value: per evidence file, the JSON text of values that repeat (a device id, a hash).
// - event_row.extra is renamed extra_values: with extra_shape set, a JSON array of the row's
//   values (or ids); with extra_shape NULL, the JSON text as before (what the encoder cannot
//   encode: nested values, and every row of a case it has not converted).
// - The `events` view rebuilds extra's JSON text in plain SQL, byte for byte as it was, so a
//   stock sqlite3 reads the same `events` as before; the engine reads through functions of
//   its own (store/extra/extra-sql.ts).
// - A trigger removes an evidence file's dictionary with the evidence row.
// - The time index is on (time) alone, not (time, id): an index entry ends with the rowid
//   (= id) anyway, so entries of equal times are in id order and ORDER BY time, id and the
//   keyset (time, id) > (?, ?) use it as before (same query plans), without the id twice:
//   41 -> 33 B per event.
// The rows already in the case stay readable as they are (JSON text, extra_shape NULL); a
// case that has any is marked (case_meta extra_conversion = pending) and the writer that
// opens it converts them in chunks (store/extra/convert.ts), outside this transaction: in
// one transaction a 1M-event case held ~1.7 GB (the journal of every page), and a 20M one
// would not fit in sql.js's 2 GiB. Pages freed by the conversion are reused by later
// ingests; the file shrinks only on a VACUUM.
import { EVENTS_VIEW_SQL } from '../extra/extra-sql';

export const migration015 = {
  version: 15,
  name: 'extra_dictionary',
  sql: `
CREATE TABLE extra_shape (
  evidence_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,  -- event_row.extra_shape of the rows of this file with these keys
  keys        TEXT NOT NULL,     -- JSON array of the keys, in the order extra had them
  coded       TEXT NOT NULL,     -- JSON array, per key: 1 = the value is an id into extra_value
  PRIMARY KEY (evidence_id, n)
) WITHOUT ROWID;
CREATE TABLE extra_value (
  evidence_id INTEGER NOT NULL,
  n           INTEGER NOT NULL,
  value       TEXT NOT NULL,     -- the value's JSON text, as extra held it
  PRIMARY KEY (evidence_id, n)
) WITHOUT ROWID;
DROP VIEW events;
ALTER TABLE event_row RENAME COLUMN extra TO extra_values;
ALTER TABLE event_row ADD COLUMN extra_shape INTEGER;
CREATE TRIGGER evidence_extra_ad AFTER DELETE ON evidence
BEGIN
  DELETE FROM extra_shape WHERE evidence_id = old.id;
  DELETE FROM extra_value WHERE evidence_id = old.id;
END;
${EVENTS_VIEW_SQL};
DROP INDEX event_row_time;
CREATE INDEX event_row_time ON event_row (time);
INSERT INTO case_meta (key, value) SELECT 'extra_conversion', 'pending' WHERE EXISTS (SELECT 1 FROM event_row WHERE extra_values IS NOT NULL);
`,
};
