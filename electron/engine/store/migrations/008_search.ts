// Migration 8: the workspace's search (issue 11).
// - event_fts: an FTS4 index over the text columns bare words search, with external content
//   (the index stores tokens only, not a second copy of the text). It is filled after ingest
//   in chunks (store/fts/fts-builder.ts); fts_state.indexed_through is the highest event id
//   indexed, every lower id being indexed too. Its content is the view of exactly those rows,
//   not event_row itself: PRAGMA integrity_check compares an FTS4 index with its content, and
//   a half-built index over all of event_row would read as corrupt to any sqlite3.
// - Triggers keep indexed rows right: a row deleted (evidence removed) or whose text changes
//   (host resolution) leaves the index before, and re-enters after. Rows above the mark are
//   not in the index and must not be "deleted" from it (FTS4 would record deletions of
//   tokens it never had), hence the WHEN. Deleting the highest rows lowers the mark, so ids
//   SQLite hands out again are indexed again.
// - The indexes for facets and the grid's sort on other columns are not made here: kept up
//   during a bulk insert they made a 200k-event ingest 2-3 times slower (measured); they are
//   built after ingest, in the background (store/fts/workspace-indexes.ts).
// - saved_search: searches saved in the case, written by search.saved / search.deleted custody
//   entries (examiner work product, replayed like tags).
const TEXT = [
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
];
const cols = TEXT.join(', ');
const values = (prefix: string): string => TEXT.map((c) => `${prefix}.${c}`).join(', ');

export const FTS_COLUMNS: readonly string[] = TEXT;

export const migration008 = {
  version: 8,
  name: 'search',
  sql: `
CREATE TABLE fts_state (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through  INTEGER NOT NULL
);
INSERT INTO fts_state (id, indexed_through) VALUES (1, 0);
CREATE VIEW event_fts_content AS
SELECT id AS rowid, ${cols} FROM event_row WHERE id <= (SELECT indexed_through FROM fts_state WHERE id = 1);
CREATE VIRTUAL TABLE event_fts USING fts4(content="event_fts_content", ${cols});

CREATE TRIGGER event_row_fts_bd BEFORE DELETE ON event_row
WHEN old.id <= (SELECT indexed_through FROM fts_state WHERE id = 1)
BEGIN
  DELETE FROM event_fts WHERE docid = old.id;
END;
CREATE TRIGGER event_row_fts_ad AFTER DELETE ON event_row
WHEN old.id <= (SELECT indexed_through FROM fts_state WHERE id = 1)
BEGIN
  UPDATE fts_state SET indexed_through = (SELECT coalesce(max(id), 0) FROM event_row)
  WHERE id = 1 AND indexed_through > (SELECT coalesce(max(id), 0) FROM event_row);
END;
CREATE TRIGGER event_row_fts_bu BEFORE UPDATE OF ${cols} ON event_row
WHEN old.id <= (SELECT indexed_through FROM fts_state WHERE id = 1)
BEGIN
  DELETE FROM event_fts WHERE docid = old.id;
END;
CREATE TRIGGER event_row_fts_au AFTER UPDATE OF ${cols} ON event_row
WHEN new.id <= (SELECT indexed_through FROM fts_state WHERE id = 1)
BEGIN
  INSERT INTO event_fts (docid, ${cols}) VALUES (new.id, ${values('new')});
END;


CREATE TABLE saved_search (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of its search.saved entry
  name        TEXT NOT NULL,
  query       TEXT NOT NULL,
  examiner    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  removed_at  TEXT
);
`,
};
