// Batch insert of parsed events into event_row through one prepared statement.
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
const FIRST_FIELD = 4;
const EXTRA = FIRST_FIELD + FIELD_COLUMNS.length;

export class EventWriter {
  private readonly stmt: Statement;
  private readonly row: SqlValue[] = new Array<SqlValue>(COLUMNS.length).fill(null);
  count = 0;

  constructor(
    db: Database,
    private readonly evidenceId: number,
  ) {
    this.stmt = db.prepare(
      `INSERT INTO event_row (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
  }

  add(e: ParsedEvent, line: number, offset: number, length: number): void {
    const r = this.row;
    r[0] = this.evidenceId;
    r[1] = toIsoUtc(e.ts);
    r[2] = e.timeRaw;
    r[3] = e.timeZone;
    for (let i = 0; i < FIELD_COLUMNS.length; i++) {
      const v = e[FIELD_COLUMNS[i]!];
      r[FIRST_FIELD + i] = v === undefined || v === '' ? null : v;
    }
    r[EXTRA] = e.extra && Object.keys(e.extra).length > 0 ? JSON.stringify(e.extra) : null;
    r[EXTRA + 1] = line;
    r[EXTRA + 2] = offset;
    r[EXTRA + 3] = length;
    this.stmt.run(r);
    this.count++;
  }

  close(): void {
    this.stmt.free();
  }
}
