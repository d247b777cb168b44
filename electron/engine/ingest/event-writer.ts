// Batch insert of parsed events into event_row. Rows are buffered and written BATCH at a
// time through one prepared multi-row INSERT with a reused parameter array: each call
// into sql.js (binding, stepping) has a fixed cost that one row per statement pays in full.
import type { Database, SqlValue, Statement } from 'sql.js';
import type { NormalizedFields } from '../../common/schema';
import type { ParsedEvent } from '../formats/types';
import { toIsoUtc } from '../time/zone';

/** Normalized fields stored as they are, in column order. */
const FIELD_COLUMNS = [
  'host', 'user', 'category', 'action', 'severity',
  'process_name', 'process_path', 'process_command_line', 'process_pid', 'process_hash',
  'process_guid', 'parent_process_guid', 'parent_process_name', 'parent_process_command_line',
  'src_ip', 'src_port', 'dst_ip', 'dst_port', 'url', 'domain',
  'http_status', 'bytes_in', 'bytes_out', 'duration_ms',
  'file_path', 'file_hash', 'registry_path', 'message',
] as const satisfies readonly (keyof NormalizedFields)[];

const COLUMNS = [
  'evidence_id', 'time', 'time_raw', 'time_zone', ...FIELD_COLUMNS, 'extra',
  'source_line', 'source_offset', 'source_length',
] as const;
const WIDTH = COLUMNS.length;
const FIRST_FIELD = 4;
const EXTRA = FIRST_FIELD + FIELD_COLUMNS.length;
/** Rows per statement; WIDTH * BATCH stays far below SQLite's 32766 parameter limit. */
const BATCH = 64;

function insertSql(rows: number): string {
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`;
  return `INSERT INTO event_row (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}

export class EventWriter {
  private readonly batch: Statement;
  private readonly params: SqlValue[] = new Array<SqlValue>(WIDTH * BATCH).fill(null);
  private pending = 0;
  count = 0;

  constructor(
    private readonly db: Database,
    private readonly evidenceId: number,
  ) {
    this.batch = db.prepare(insertSql(BATCH));
  }

  add(e: ParsedEvent, line: number, offset: number, length: number): void {
    const r = this.params;
    const base = this.pending * WIDTH;
    r[base] = this.evidenceId;
    r[base + 1] = toIsoUtc(e.ts);
    r[base + 2] = e.timeRaw;
    r[base + 3] = e.timeZone;
    for (let i = 0; i < FIELD_COLUMNS.length; i++) {
      const v = e[FIELD_COLUMNS[i]!];
      r[base + FIRST_FIELD + i] = v === undefined || v === '' ? null : v;
    }
    r[base + EXTRA] = e.extra && Object.keys(e.extra).length > 0 ? JSON.stringify(e.extra) : null;
    r[base + EXTRA + 1] = line;
    r[base + EXTRA + 2] = offset;
    r[base + EXTRA + 3] = length;
    this.count++;
    if (++this.pending === BATCH) {
      this.batch.run(r);
      this.pending = 0;
    }
  }

  /** Writes buffered rows; call before reading the events back or committing. */
  flush(): void {
    if (this.pending === 0) return;
    const rest = this.db.prepare(insertSql(this.pending));
    try {
      rest.run(this.params.slice(0, this.pending * WIDTH));
    } finally {
      rest.free();
    }
    this.pending = 0;
  }

  close(): void {
    this.flush();
    this.batch.free();
  }
}
