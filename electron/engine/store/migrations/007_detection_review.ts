// Migration 7: examiners' corrections to detection and the indicator files a case was checked
// against. Like tags and notes, review and IOC-file rows take the id of the custody entry that
// made them (finding.reviewed, ioc.added), so replaying the log rebuilds them exactly. An IOC
// file's bytes are kept (ioc_content, by SHA-256) so that a later run, another examiner or a
// reviewer opening the case from a package matches against exactly the same list.

export const migration007 = {
  version: 7,
  name: 'detection_review',
  sql: `
CREATE TABLE finding_review (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of its finding.reviewed entry
  finding_id  TEXT NOT NULL,        -- rule:host:first event id, stable across runs on the case
  rule        TEXT NOT NULL,
  title       TEXT,
  host        TEXT,
  verdict     TEXT NOT NULL CHECK (verdict IN ('confirmed', 'dismissed')),
  comment     TEXT,
  event_ids   TEXT NOT NULL,        -- JSON array: the finding's events when it was reviewed
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL
);
CREATE INDEX finding_review_finding ON finding_review (finding_id, id);

-- The verdict in force for each reviewed finding: its latest review.
CREATE VIEW finding_verdict AS
SELECT r.* FROM finding_review r
WHERE r.id = (SELECT max(id) FROM finding_review x WHERE x.finding_id = r.finding_id);

CREATE TABLE ioc_file (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of its ioc.added entry
  name        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  size        INTEGER NOT NULL,
  examiner    TEXT NOT NULL,
  added_at    TEXT NOT NULL
);

CREATE TABLE ioc_content (
  sha256      TEXT PRIMARY KEY,
  content     BLOB NOT NULL
);
`,
};
