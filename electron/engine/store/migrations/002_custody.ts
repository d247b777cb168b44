// Migration 2: chain of custody. The custody log is append-only and hash-chained
// (electron/engine/custody/chain.ts); tags, notes and evidence edits are rows keyed by the
// id of the custody entry that made them, so replaying the log rebuilds them exactly.
// No triggers forbid UPDATE/DELETE on custody_log: anyone with sqlite3 can drop a trigger,
// and the chain is what proves the log intact.

export const migration002 = {
  version: 2,
  name: 'custody',
  sql: `
CREATE TABLE custody_log (
  id          INTEGER PRIMARY KEY,  -- position in the chain, 1..n without gaps
  time        TEXT NOT NULL,        -- ISO-8601 UTC
  examiner    TEXT NOT NULL,
  workstation TEXT NOT NULL,        -- host name of the machine
  version     TEXT NOT NULL,        -- Tracelight version
  action      TEXT NOT NULL,        -- case.created, evidence.added, tag.added, ...
  details     TEXT NOT NULL,        -- canonical JSON
  prev_hash   TEXT NOT NULL,        -- entry_hash of entry id-1 (64 zeros for the first)
  entry_hash  TEXT NOT NULL         -- SHA-256 of the canonical serialization of this entry
);

ALTER TABLE evidence ADD COLUMN exhibit TEXT;        -- exhibit number, e.g. EX-001
ALTER TABLE evidence ADD COLUMN provided_by TEXT;
ALTER TABLE evidence ADD COLUMN acquired_at TEXT;
ALTER TABLE evidence ADD COLUMN acquired_how TEXT;
ALTER TABLE evidence ADD COLUMN source_host TEXT;    -- source device or host
ALTER TABLE evidence ADD COLUMN ingest_id TEXT;      -- links the row to its ingest.started entry

CREATE TABLE evidence_edit (
  id          INTEGER PRIMARY KEY,
  custody_id  INTEGER NOT NULL,     -- the evidence.edited entry
  evidence_id INTEGER NOT NULL,
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL,
  UNIQUE (custody_id, field)
);

CREATE TABLE tag (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of its tag.added entry
  event_id    INTEGER NOT NULL,
  label       TEXT NOT NULL,
  examiner    TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  removed_at  TEXT,                 -- set by tag.removed; the row is kept
  removed_by  TEXT
);
CREATE INDEX tag_event ON tag (event_id);

CREATE TABLE note (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of its note.added entry
  event_id    INTEGER NOT NULL,
  examiner    TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX note_event ON note (event_id);

CREATE TABLE note_revision (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of its note.added / note.edited entry
  note_id     INTEGER NOT NULL REFERENCES note(id),
  text        TEXT NOT NULL,
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL
);
CREATE INDEX note_revision_note ON note_revision (note_id, id);

-- Each note with its latest text (earlier revisions stay in note_revision).
CREATE VIEW notes AS
SELECT n.id, n.event_id, n.examiner, n.created_at,
       r.text, r.examiner AS edited_by, r.time AS edited_at,
       (SELECT count(*) FROM note_revision x WHERE x.note_id = n.id) AS revisions
FROM note n JOIN note_revision r ON r.id = (SELECT max(id) FROM note_revision WHERE note_id = n.id);
`,
};
