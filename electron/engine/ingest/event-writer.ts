// Batch insert of parsed events into event_row through one prepared statement.
import type { Database, SqlValue, Statement } from 'sql.js';
import type { ParsedEvent } from '../formats/types';
import { toIsoUtc } from '../time/zone';

const COLUMNS = [
  'evidence_id', 'time', 'time_raw', 'time_zone', 'host', 'user', 'category', 'action', 'severity',
  'process_name', 'process_path', 'process_command_line', 'process_pid', 'process_hash',
  'parent_process_name', 'parent_process_command_line', 'src_ip', 'src_port', 'dst_ip', 'dst_port',
  'url', 'domain', 'file_path', 'registry_path', 'message', 'extra',
  'source_line', 'source_offset', 'source_length',
] as const;

const opt = (v: string | number | undefined): SqlValue => (v === undefined || v === '' ? null : v);

export class EventWriter {
  private readonly stmt: Statement;
  private readonly row: SqlValue[] = new Array(COLUMNS.length).fill(null);
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
    r[4] = opt(e.host);
    r[5] = opt(e.user);
    r[6] = e.category;
    r[7] = opt(e.action);
    r[8] = opt(e.severity);
    r[9] = opt(e.process_name);
    r[10] = opt(e.process_path);
    r[11] = opt(e.process_command_line);
    r[12] = opt(e.process_pid);
    r[13] = opt(e.process_hash);
    r[14] = opt(e.parent_process_name);
    r[15] = opt(e.parent_process_command_line);
    r[16] = opt(e.src_ip);
    r[17] = opt(e.src_port);
    r[18] = opt(e.dst_ip);
    r[19] = opt(e.dst_port);
    r[20] = opt(e.url);
    r[21] = opt(e.domain);
    r[22] = opt(e.file_path);
    r[23] = opt(e.registry_path);
    r[24] = opt(e.message);
    r[25] = e.extra && Object.keys(e.extra).length > 0 ? JSON.stringify(e.extra) : null;
    r[26] = line;
    r[27] = offset;
    r[28] = length;
    this.stmt.run(r);
    this.count++;
  }

  close(): void {
    this.stmt.free();
  }
}
