// One pass over the case's events for the analyses that look at every event (beacons, IOC
// matching): only the columns they need, read with one prepared statement, handed to each
// visitor as a plain object. A second pass would cost as much as the analyses themselves
// on a million events.
import type { CaseStore } from '../store/case-store';

export interface ScanRow {
  id: number;
  /** Epoch milliseconds of `time`. */
  ms: number;
  time: string;
  host: string | null;
  user: string | null;
  category: string;
  action: string | null;
  src_ip: string | null;
  dst_ip: string | null;
  dst_port: number | null;
  domain: string | null;
  url: string | null;
  process_name: string | null;
  process_hash: string | null;
  file_hash: string | null;
  file_path: string | null;
  bytes_out: number | null;
}

export type ScanVisitor = (row: ScanRow) => void;

const SQL = `SELECT id, time, host, user, category, action, src_ip, dst_ip, dst_port, domain, url,
  process_name, process_hash, file_hash, file_path, bytes_out FROM event_row`;

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number(v) || null);

/** Feeds every event to every visitor, in id order; returns how many events were read. */
export function scanEvents(store: CaseStore, visitors: readonly ScanVisitor[]): number {
  const stmt = store.db.prepare(SQL);
  let n = 0;
  try {
    while (stmt.step()) {
      const r = stmt.get();
      const time = String(r[1]);
      const row: ScanRow = {
        id: Number(r[0]),
        ms: Date.parse(time),
        time,
        host: str(r[2]),
        user: str(r[3]),
        category: String(r[4]),
        action: str(r[5]),
        src_ip: str(r[6]),
        dst_ip: str(r[7]),
        dst_port: num(r[8]),
        domain: str(r[9]),
        url: str(r[10]),
        process_name: str(r[11]),
        process_hash: str(r[12]),
        file_hash: str(r[13]),
        file_path: str(r[14]),
        bytes_out: num(r[15]),
      };
      for (const v of visitors) v(row);
      n++;
    }
  } finally {
    stmt.free();
  }
  return n;
}
