// Clock skew: a device's clock was off, so every time in its evidence is off by the same
// amount. The examiner states the correction (added to the recorded times) and why; it is
// one custody entry, evidence.skew {evidenceId, skewMs, previousSkewMs, reason}. Applying
// it rewrites event_row.time from the time first normalized (kept in time_original), so a
// new correction replaces the previous one instead of adding to it, and replaying the log
// gives the same times. time_raw, the timestamp as written, is never touched.
import { formatSkew, MAX_SKEW_MS } from '../../common/ingest-options';
import { resolveHostsFromIps } from '../ingest/resolve-hosts';
import type { CaseStore } from '../store/case-store';
import { refreshTime } from '../store/rollups/write';
import { ActionError } from './actions';
import type { CustodyEntry } from './chain';
import type { CaseSession } from './session';

const MAX_REASON = 4096;
/** SQLite's date functions cover years 0000-9999; a correction must keep every event inside. */
const MIN_TIME = Date.parse('0001-01-01T00:00:00Z');
const MAX_TIME = Date.parse('9999-12-31T23:59:59.999Z');

export function skewEvidence(session: CaseSession, evidenceId: number, skewMs: number, reason = ''): CustodyEntry | null {
  const row = session.store.all<{ status: string; container: string | null; clock_skew_ms: number; first: string | null; last: string | null }>(
    `SELECT status, container, clock_skew_ms,
            (SELECT min(COALESCE(time_original, time)) FROM event_row WHERE evidence_id = v.id) AS first,
            (SELECT max(COALESCE(time_original, time)) FROM event_row WHERE evidence_id = v.id) AS last
     FROM evidence v WHERE id = ?`,
    [evidenceId],
  )[0];
  if (!row) throw new ActionError(`no evidence #${evidenceId}`);
  if (row.status !== 'complete') throw new ActionError(`evidence #${evidenceId} is ${row.status}; only complete evidence can be corrected`);
  if (row.container === 'zip-archive') throw new ActionError(`evidence #${evidenceId} is a zip archive; correct the clock of the logs inside it`);
  if (!Number.isInteger(skewMs) || Math.abs(skewMs) > MAX_SKEW_MS) {
    throw new ActionError(`a clock skew is whole milliseconds up to ${formatSkew(MAX_SKEW_MS)} either way`);
  }
  const why = String(reason ?? '').normalize('NFC').trim();
  if (why.length > MAX_REASON) throw new ActionError(`a reason has at most ${MAX_REASON} characters`);
  const previousSkewMs = Number(row.clock_skew_ms);
  if (previousSkewMs === skewMs) return null;
  for (const t of [row.first, row.last]) {
    const shifted = t === null ? MIN_TIME : Date.parse(t) + skewMs;
    if (shifted < MIN_TIME || shifted > MAX_TIME) throw new ActionError(`a skew of ${formatSkew(skewMs)} moves events outside the years 1-9999`);
  }
  return session.record('evidence.skew', { evidenceId, skewMs, previousSkewMs, reason: why });
}

/** The effect of an evidence.skew entry (custody/apply.ts); the same on replay. */
export function applySkew(store: CaseStore, d: Record<string, unknown>): void {
  const evidenceId = Number(d.evidenceId);
  const skewMs = Number(d.skewMs);
  // SQLite adds "N.NNN seconds" in whole milliseconds, so the result is exact.
  const modifier = `${skewMs < 0 ? '-' : '+'}${(Math.abs(skewMs) / 1000).toFixed(3)} seconds`;
  store.db.run(
    `UPDATE event_row SET time_original = COALESCE(time_original, time),
       time = strftime('%Y-%m-%dT%H:%M:%fZ', COALESCE(time_original, time), ?)
     WHERE evidence_id = ?`,
    [modifier, evidenceId],
  );
  store.db.run('UPDATE evidence SET clock_skew_ms = ? WHERE id = ?', [skewMs, evidenceId]);
  refreshTime(store, evidenceId);
  // Which host held which address is read from EDR event times: corrected times move it.
  resolveHostsFromIps(store);
}
