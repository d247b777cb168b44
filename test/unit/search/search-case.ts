// A small case written row by row, so each search test states exactly what the events hold.
import { FACET_FIELDS, refreshField, refreshTime } from '../../../electron/engine/store/rollups';
import path from 'node:path';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { tempDir } from '../helpers/tmp';
import { storedExtra } from '../helpers/extra';

export type TestEvent = Partial<Record<string, string | number | null>> & { time: string };

const COLUMNS = [
  'host', 'user', 'category', 'action', 'process_name', 'process_command_line', 'parent_process_name', 'src_ip', 'src_port', 'dst_ip',
  'dst_port', 'url', 'domain', 'file_path', 'registry_path', 'message',
];

export async function searchCase(events: TestEvent[]): Promise<CaseStore> {
  const store = await CaseStore.create(path.join(tempDir(), 'search.tlcase'));
  addEvidence(store, 1, events);
  return store;
}

export function addEvidence(store: CaseStore, evidenceId: number, events: TestEvent[]): void {
  store.db.run(
    `INSERT INTO evidence (id, path, name, size, mtime, format, encoding, timezone, base_year, status, added_at)
     VALUES (?, ?, ?, 0, '2026-10-05T00:00:00.000Z', 'test', 'utf-8', 'UTC', 2026, 'complete', '2026-10-05T00:00:00.000Z')`,
    [evidenceId, `/evidence/file-${evidenceId}.log`, `file-${evidenceId}.log`],
  );
  const stmt = store.db.prepare(
    `INSERT INTO event_row (evidence_id, time, time_raw, time_zone, ${COLUMNS.join(', ')}, extra_shape, extra_values, source_line, source_offset, source_length)
     VALUES (?, ?, ?, 'UTC', ${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, 0, 0)`,
  );
  events.forEach((e, i) => {
    // extra as the ingest stores it (store/extra/).
    const extra = storedExtra(store.db, evidenceId, e.extra === undefined || e.extra === null ? null : String(e.extra));
    stmt.run([evidenceId, e.time, e.time, ...COLUMNS.map((c) => (c === 'category' ? (e[c] ?? 'other') : (e[c] ?? null))), ...extra, i + 1]);
  });
  stmt.free();
  // The counts an ingest keeps beside its events (whole-case facets and the histogram read them).
  for (const field of FACET_FIELDS) refreshField(store, field, [evidenceId]);
  refreshTime(store, evidenceId);
}

export function ids(rows: { id: unknown }[]): number[] {
  return rows.map((r) => Number(r.id));
}
