// The ingest's two guards against hostile evidence that parses "successfully" forever: a line
// past the per-line cap becomes one rejected record saying so, and a file that parses past the
// per-file time budget is stopped with one line saying so.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findFormat } from '../../../electron/engine/formats/registry';
import { createReader, defaultTimeBudgetMs, runPass, TimeBudgetError } from '../../../electron/engine/ingest/record-pass';
import { DEFAULT_MAX_LINE_BYTES } from '../../../electron/engine/ingest/line-splitter';
import { samplePath } from '../helpers/samples';

const SQUID = readFileSync(samplePath('squid_native', 'logscale_squid_access.log'));
const squid = findFormat('squid')!;
const ctx = { fileName: 'access.log', timezone: 'UTC', baseYear: 2026 };

function source(input: Buffer) {
  return async function* (onRaw: (b: Buffer) => void) {
    for (let at = 0; at < input.length; at += 1 << 20) {
      const c = input.subarray(at, at + (1 << 20));
      onRaw(c);
      yield c;
    }
  };
}

describe('per-line cap', () => {
  it('turns a 9 MiB line into one rejected record naming the cap, and reads on', async () => {
    const huge = Buffer.concat([SQUID, Buffer.alloc(9 << 20, 'A'), Buffer.from('\n'), SQUID]);
    const rejects: string[] = [];
    const counts = await runPass(createReader(squid, 'utf-8', 0, ctx), source(huge), (batch) => {
      for (let i = 0; i < batch.rejects.length; i++) rejects.push(batch.rejects[i]!.reason);
    }, false);
    const lines = SQUID.toString().split('\n').filter(Boolean).length;
    expect(SQUID.at(-1)).toBe(0x0a);
    expect(counts.events).toBe(2 * lines);
    expect(rejects).toEqual([`line of ${9 << 20} bytes exceeds the ${DEFAULT_MAX_LINE_BYTES}-byte record limit`]);
  });
});

describe('per-file time budget', () => {
  it('is a minute plus a second per 2 MiB read', () => {
    expect(defaultTimeBudgetMs(0)).toBe(60_000);
    expect(defaultTimeBudgetMs(1 << 30)).toBe(60_000 + 512_000);
  });

  it('stops a file that parses past it with one line saying where and why', async () => {
    const many = Buffer.concat(Array.from({ length: 200 }, () => SQUID));
    const err = await runPass(createReader(squid, 'utf-8', 0, ctx), source(many), () => {}, false, () => -1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeBudgetError);
    expect((err as Error).message).toMatch(/^stopped after \d+\.\d s at byte \d+: parsing ran past the per-file time budget \(a minute plus a second per 2 MiB\); a record in it makes the parser crawl$/);
  });
});
