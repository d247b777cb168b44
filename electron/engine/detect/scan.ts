// One pass over the case's events for the analyses that look at every event (beacons, IOC
// matching): only the columns they need, read with one prepared statement, handed to each
// visitor as a plain object. A second pass would cost as much as the analyses themselves
// on a million events.
import type { CaseStore } from '../store/case-store';
import { extraKeyLiteral } from '../store/extra/extra-sql';

export interface ScanRow {
  id: number;
  /** Epoch milliseconds of `time` for network, web and firewall events; NaN for the others. */
  ms: number;
  time: string;
  host: string | null;
  category: string;
  action: string | null;
  src_ip: string | null;
  dst_ip: string | null;
  dst_port: number | null;
  domain: string | null;
  url: string | null;
  /** Web triage's columns (read for every event; the user agent only for web events). */
  http_status: number | null;
  bytes_in: number | null;
  user_agent: string | null;
  /** The next four are read only when indicators are matched (null otherwise). */
  user: string | null;
  process_hash: string | null;
  file_hash: string | null;
  file_path: string | null;
}

export type ScanVisitor = (row: ScanRow) => void;

// A web request's action is the normalized http_request (formats/action-vocabulary.ts); the
// web triage reads the method the log wrote, which the event keeps as action_original.
const BASE = `id, time, host, category, CASE WHEN category = 'web' AND extra_values IS NOT NULL THEN COALESCE(${extraKeyLiteral('action_original')}, action) ELSE action END AS action, src_ip, dst_ip, dst_port, domain, url, http_status, bytes_in, CASE WHEN category = 'web' AND extra_values IS NOT NULL THEN ${extraKeyLiteral('user_agent')} END`;
const IOC = 'user, process_hash, file_hash, file_path';

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number(v) || null);

export interface ScanOptions {
  /** Read the columns only indicator matching needs. */
  iocColumns?: boolean;
  /**
   * Called after each event with its id: another pass over the events (the rules) follows
   * this one closely, so that the pages of the case are read from disk once for both.
   */
  follow?: (id: number) => void;
  /**
   * Events between two pauses that let the event loop run. The engine answers the grid's reads
   * on the same thread; without pauses a detection pass over a million events would hold every
   * read for its whole length (seconds). A pause costs well under a millisecond.
   */
  yieldEvery?: number;
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Longest stretch of scanning between two pauses. */
const PAUSE_AFTER_MS = 20;

/**
 * Feeds every event to every visitor, in id order; returns how many events were read. The
 * columns only indicator matching needs are read only when asked for: each column read costs
 * on a million rows.
 */
export async function scanEvents(store: CaseStore, visitors: readonly ScanVisitor[], opts: ScanOptions = {}): Promise<number> {
  const withIoc = opts.iocColumns === true;
  const follow = opts.follow;
  const yieldEvery = opts.yieldEvery ?? 10_000;
  // id order is the table's own order: no sort, and what `follow` needs.
  const stmt = store.db.prepare(`SELECT ${BASE}${withIoc ? `, ${IOC}` : ''} FROM event_row ORDER BY id`);
  let n = 0;
  let lastPause = performance.now();
  try {
    while (stmt.step()) {
      const r = stmt.get();
      const time = String(r[1]);
      const category = String(r[3]);
      const row: ScanRow = {
        id: Number(r[0]),
        // Only the beacon analysis needs epoch times, and only on connection-like events.
        ms: category === 'network' || category === 'web' || category === 'firewall' ? Date.parse(time) : Number.NaN,
        time,
        host: str(r[2]),
        category,
        action: str(r[4]),
        src_ip: str(r[5]),
        dst_ip: str(r[6]),
        dst_port: num(r[7]),
        domain: str(r[8]),
        url: str(r[9]),
        http_status: num(r[10]),
        bytes_in: typeof r[11] === 'number' ? r[11] : null,
        user_agent: str(r[12]),
        user: withIoc ? str(r[13]) : null,
        process_hash: withIoc ? str(r[14]) : null,
        file_hash: withIoc ? str(r[15]) : null,
        file_path: withIoc ? str(r[16]) : null,
      };
      for (const v of visitors) v(row);
      if (follow) follow(row.id);
      // A pause every yieldEvery events, or sooner when they took longer than a moment
      // (wide rows, a slow machine): the engine's thread also relays every read of the grid.
      if (++n % yieldEvery === 0 || (n % 256 === 0 && performance.now() - lastPause > PAUSE_AFTER_MS)) {
        await pause();
        lastPause = performance.now();
      }
    }
  } finally {
    stmt.free();
  }
  return n;
}
