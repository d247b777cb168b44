// Migration 6: column mappings of the generic importer saved in the case (formats/generic/).
// A row is written by a mapping.saved custody entry and takes its id; saving a name again
// adds a newer row (the list shows the newest per name, the log keeps every version).

export const migration006 = {
  version: 6,
  name: 'import_mapping',
  sql: `
CREATE TABLE import_mapping (
  id         INTEGER PRIMARY KEY,  -- the custody entry that saved it
  name       TEXT NOT NULL,
  signature  TEXT NOT NULL,        -- delimiter + header names, or the JSON key set
  format     TEXT NOT NULL,        -- generic-csv, generic-json, generic-jsonl
  mapping    TEXT NOT NULL,        -- the ColumnMapping as JSON
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX import_mapping_signature ON import_mapping (signature, id);
`,
};
