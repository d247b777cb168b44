// Converts the extra of rows a case held before migration 015 (JSON text) to the compact
// form, with the same encoder as the ingest, file by file, a chunk of rows per transaction:
// SQLite's journal then holds one chunk's pages, not the whole table's. Each converted row
// is complete on its own and an unconverted one reads as before, so an interrupted
// conversion leaves a readable case and the next writer to open it goes on (new ids after
// those a file already has).
import type { Database, SqlValue } from 'sql.js';
import { ExtraEncoder } from './extra-encoder';

const CHUNK = 8192;

/** True when the case has rows still to convert (migration 015 marked it). */
export function extraConversionPending(db: Database): boolean {
  return (db.exec("SELECT 1 FROM case_meta WHERE key = 'extra_conversion'")[0]?.values.length ?? 0) > 0;
}

/** Converts every row still in text form; the case's writer calls it after opening. */
export function convertExtra(db: Database): void {
  if (!extraConversionPending(db)) return;
  const scalar = (sql: string, params: SqlValue[]): number => Number(db.exec(sql, params)[0]?.values[0]?.[0] ?? 0);
  const files = (db.exec('SELECT DISTINCT evidence_id FROM event_row WHERE extra_shape IS NULL AND extra_values IS NOT NULL ORDER BY evidence_id')[0]?.values ?? []).map((r) => Number(r[0]));
  const update = db.prepare('UPDATE event_row SET extra_shape = ?, extra_values = ? WHERE id = ?');
  const shapeStmt = db.prepare('INSERT INTO extra_shape (evidence_id, n, keys, coded) VALUES (?, ?, ?, ?)');
  const valueStmt = db.prepare('INSERT INTO extra_value (evidence_id, n, value) VALUES (?, ?, ?)');
  try {
    for (const evidenceId of files) {
      const encoder = new ExtraEncoder({
        shapes: scalar('SELECT coalesce(max(n), 0) FROM extra_shape WHERE evidence_id = ?', [evidenceId]),
        values: scalar('SELECT coalesce(max(n), 0) FROM extra_value WHERE evidence_id = ?', [evidenceId]),
      });
      let after = -1;
      for (;;) {
        // A chunk read whole before it is rewritten: no statement reads rows being updated.
        const rows: SqlValue[][] =
          db.exec('SELECT id, extra_values FROM event_row WHERE evidence_id = ? AND id > ? AND extra_shape IS NULL AND extra_values IS NOT NULL ORDER BY id LIMIT ?', [evidenceId, after, CHUNK])[0]?.values ?? [];
        if (rows.length === 0) break;
        const encoded = rows.map((r) => encoder.encode(String(r[1])));
        const delta = encoder.take();
        db.exec('BEGIN');
        try {
          for (const s of delta.shapes) shapeStmt.run([evidenceId, s.n, s.keys, s.coded]);
          for (const v of delta.values) valueStmt.run([evidenceId, v.n, v.value]);
          rows.forEach((r, i) => {
            const e = encoded[i]!;
            if (e.shape !== null) update.run([e.shape, e.values, r[0]!]);
          });
          db.exec('COMMIT');
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
        after = Number(rows[rows.length - 1]![0]);
      }
    }
    db.exec("DELETE FROM case_meta WHERE key = 'extra_conversion'");
  } finally {
    update.free();
    shapeStmt.free();
    valueStmt.free();
  }
}
