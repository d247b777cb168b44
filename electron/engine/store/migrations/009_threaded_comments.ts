// Migration 9: threaded comments and bulk tags (investigation workspace).
// - note.parent_id: a reply names the note it answers (note.replied custody entries); top-level
//   comments keep NULL. The notes view is unchanged; threads are read from note directly.
// - tag rows made by one tag.bulkAdded entry cannot all take the entry's id as tag.added rows
//   do; they take negative ids derived from it (-(entry id * 2^21 + position)), which never
//   meet a positive entry id, so replaying the log rebuilds them exactly. tag_label serves
//   `tag:LABEL` searches.
export const migration009 = {
  version: 9,
  name: 'threaded_comments',
  sql: `
ALTER TABLE note ADD COLUMN parent_id INTEGER REFERENCES note(id);
CREATE INDEX note_parent ON note (parent_id);
CREATE INDEX tag_label ON tag (label, event_id);
`,
};
