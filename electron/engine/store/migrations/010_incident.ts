// Migration 10: running the incident (issue 14). Like tags and reviews, every row takes the id of
// the custody entry that made it (incident.*), so replaying the log rebuilds the tables exactly;
// the state in force is each table's latest row per key. A case without any row is in the
// `detection` phase since it was created, with no severity set.

export const migration010 = {
  version: 10,
  name: 'incident',
  sql: `
CREATE TABLE incident_change (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of incident.phase.set / incident.severity.set
  field       TEXT NOT NULL CHECK (field IN ('phase', 'severity')),
  old_value   TEXT,
  new_value   TEXT NOT NULL,
  reason      TEXT,
  proposed    TEXT,                 -- JSON {level, reasons}: Tracelight's proposal when the severity was set
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL
);
CREATE INDEX incident_change_field ON incident_change (field, id);

CREATE TABLE incident_asset (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of incident.asset.set
  asset_key   TEXT NOT NULL,        -- lower-cased host|src_ip|user
  host        TEXT,
  src_ip      TEXT,
  user        TEXT,
  old_status  TEXT,
  status      TEXT NOT NULL,
  reason      TEXT,
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL
);
CREATE INDEX incident_asset_key ON incident_asset (asset_key, id);

CREATE TABLE incident_task (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of incident.task.set / incident.task.added
  task_id     TEXT NOT NULL,
  phase       TEXT NOT NULL,
  text_en     TEXT NOT NULL,
  text_ja     TEXT NOT NULL,
  done        INTEGER NOT NULL,
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL
);
CREATE INDEX incident_task_key ON incident_task (task_id, id);

CREATE TABLE incident_indicator (
  id          INTEGER PRIMARY KEY,  -- = custody_log.id of incident.indicator.confirmed / .withdrawn
  type        TEXT NOT NULL,
  value       TEXT NOT NULL,
  port        INTEGER,
  verdict     TEXT NOT NULL CHECK (verdict IN ('confirmed', 'withdrawn')),
  source      TEXT,
  event_ids   TEXT NOT NULL,        -- JSON array: the events that show it, when it was confirmed
  comment     TEXT,
  examiner    TEXT NOT NULL,
  time        TEXT NOT NULL
);
CREATE INDEX incident_indicator_key ON incident_indicator (type, value, id);
`,
};
