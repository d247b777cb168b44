// An ingest commits every CHECKPOINT_ROWS rows (ingest-checkpoints.ts: the in-memory rollback
// journal otherwise grew with the case). A cancel or a failure after such commits must still
// leave the case exactly as a ROLLBACK would have: the earlier files' rows, rollups and
// resolved hosts, and the ids SQLite hands out next.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { IngestCancelledError } from '../../../electron/engine/errors';
import { CHECKPOINT_ROWS } from '../../../electron/engine/ingest/ingest-checkpoints';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = readFileSync(samplePath('squid_native', 'logscale_squid_access.log'));
const SQUID_LINES = SQUID.toString().trim().split('\n').length;

/** The sample repeated until the file holds more than `rows` lines. */
function repeated(dir: string, name: string, rows: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat(Array.from({ length: Math.ceil(rows / SQUID_LINES) + 1 }, () => SQUID)));
  return file;
}

/** Everything an undone ingest must leave as it was. */
function snapshot(s: CaseSession): unknown {
  const q = (sql: string): unknown => s.store.all(sql);
  return {
    rows: q('SELECT count(*) AS n, max(id) AS last, sum(host_resolved) AS resolved FROM event_row'),
    evidence: q("SELECT id, name FROM evidence WHERE status = 'complete' ORDER BY id"),
    counts: q('SELECT field, value, evidence_id, n FROM rollup_count ORDER BY 1, 2, 3'),
    times: q('SELECT bucket, start, evidence_id, n FROM rollup_time ORDER BY 1, 2, 3'),
    rejected: q('SELECT count(*) AS n FROM rejected_record'),
  };
}

describe('ingest checkpoints', () => {
  it('a cancel after several commits leaves the case as it was before the file', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'access.log');
    writeFileSync(first, SQUID);
    const big = repeated(dir, 'big_access.log', 4 * CHECKPOINT_ROWS);
    const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'A', create: { timezone: 'UTC' } });
    await ingestWithCustody(s, { path: first, timezone: 'UTC' });
    const before = snapshot(s);
    const cancel = new AbortController();
    let seen = 0;
    const err = await ingestWithCustody(s, {
      path: big,
      timezone: 'UTC',
      signal: cancel.signal,
      onProgress: (p) => {
        seen = p.events;
        if (p.events > 2 * CHECKPOINT_ROWS) cancel.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestCancelledError);
    // The cancel came after at least two commits.
    expect(seen).toBeGreaterThan(2 * CHECKPOINT_ROWS);
    expect(snapshot(s)).toEqual(before);
    // The next file's rows follow the first file's, as after a ROLLBACK.
    const again = path.join(dir, 'again.log');
    writeFileSync(again, SQUID.toString().replace(/\n/, '\n\n'));
    await ingestWithCustody(s, { path: again, timezone: 'UTC' });
    expect(Number(s.store.scalar('SELECT min(id) FROM event_row WHERE evidence_id = (SELECT max(id) FROM evidence)'))).toBe(SQUID_LINES + 1);
    s.close();
  });

  it('a failure at the end (the same file again) after commits keeps only the first copy', async () => {
    const dir = tempDir();
    const big = repeated(dir, 'big_access.log', 2 * CHECKPOINT_ROWS);
    const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'A', create: { timezone: 'UTC' } });
    await ingestWithCustody(s, { path: big, timezone: 'UTC' });
    const before = snapshot(s);
    const err = await ingestWithCustody(s, { path: big, timezone: 'UTC', displayName: 'copy.log' }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/same SHA-256/);
    expect(snapshot(s)).toEqual(before);
    s.close();
  });
});
