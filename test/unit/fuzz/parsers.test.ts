// A bounded fuzz run for every parser: each format's real samples (/work/shared/samples and
// test/fixtures, recognized by the same sniffer the ingest uses) mutated with a fixed seed and
// read through the ingest's own record pass with that format forced. Every input must end as
// events, rejected records and skips, or as one clear UnreadableInputError line: never another
// exception, never a hang (the test's timeout), never unbounded memory. Prints how many inputs
// each fuzzer ran.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../../electron/engine/errors';
import { FORMATS } from '../../../electron/engine/formats/registry';
import type { FormatModule } from '../../../electron/engine/formats/types';
import { createReader, runPass } from '../../../electron/engine/ingest/record-pass';
import { sniffContent } from '../../../electron/engine/ingest/sniff';
import { repoRoot, samplesRoot } from '../helpers/samples';
import { chunksOf, fuzzRng, HEAD_BYTES, INPUTS_PER_PARSER, ONE_LINE, SEED, SEED_BYTES } from './harness';
import { MUTATIONS, mutate } from './mutate';

function walk(dir: string): string[] {
  let out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out = out.concat(walk(p));
    else if (e.isFile() && statSync(p).size > 0 && statSync(p).size < 64 << 20 && !/\.(md|tsv|mjs|ts|yml|yaml|zip|gz|png)$/i.test(e.name)) out.push(p);
  }
  return out;
}

/** Real samples grouped by the format the sniffer recognizes them as. */
function seedsByFormat(): Map<string, { file: string; bytes: Buffer }[]> {
  const seeds = new Map<string, { file: string; bytes: Buffer }[]>();
  for (const file of [...walk(samplesRoot), ...walk(path.join(repoRoot, 'test', 'fixtures'))]) {
    const whole = readFileSync(file);
    try {
      const found = sniffContent({ head: whole.subarray(0, HEAD_BYTES), wholeContent: whole.length <= HEAD_BYTES, fileName: path.basename(file), container: null });
      const list = seeds.get(found.format.id) ?? [];
      if (list.length < 4) list.push({ file, bytes: whole.subarray(0, SEED_BYTES) });
      seeds.set(found.format.id, list);
    } catch {
      // not a log any format recognizes (rules, indicator lists, binaries): no seed
    }
  }
  return seeds;
}

async function readAll(format: FormatModule, input: Buffer): Promise<{ events: number; rejected: number } | { refused: string }> {
  let sniffed;
  try {
    sniffed = sniffContent({ head: input.subarray(0, HEAD_BYTES), wholeContent: input.length <= HEAD_BYTES, fileName: 'fuzz.log', container: null, forcedFormat: format.id });
  } catch (err) {
    if (err instanceof UnreadableInputError) return { refused: err.message };
    throw err;
  }
  const reader = createReader(format, sniffed.encoding, sniffed.bomLength, { fileName: 'fuzz.log', timezone: 'Asia/Tokyo', baseYear: 2026 });
  try {
    const counts = await runPass(reader, chunksOf(input), () => {}, false);
    return { events: counts.events, rejected: counts.rejected };
  } catch (err) {
    if (err instanceof UnreadableInputError) return { refused: err.message };
    throw err;
  }
}

/**
 * Two formats have no sample of their own; their seeds are built from the same records in the
 * sibling layout (JSON lines <-> one JSON document), exactly as those exports write them.
 */
function deriveSeeds(seeds: Map<string, { file: string; bytes: Buffer }[]>): void {
  const falcon = path.join(repoRoot, 'test', 'fixtures', 'crowdstrike', 'event_search.json');
  const rows = JSON.parse(readFileSync(falcon, 'utf8')) as unknown[];
  seeds.set('crowdstrike-falcon-events-jsonl', [{ file: `${falcon} as JSON lines`, bytes: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + '\n') }]);
  const hunting = seeds.get('defender-hunting-jsonl')?.[0];
  if (hunting) {
    const lines = hunting.bytes.toString('utf8').split('\n').slice(0, -1).slice(0, 20);
    const results = lines.map((l) => JSON.parse(l) as unknown);
    const doc = JSON.stringify({ Schema: Object.keys(results[0] as object).map((Name) => ({ Name, Type: 'String' })), Results: results }, null, 2);
    seeds.set('defender-hunting-json', [{ file: `${hunting.file} as an advanced-hunting JSON document`, bytes: Buffer.from(doc) }]);
  }
}

const seeds = seedsByFormat();
deriveSeeds(seeds);
const ran: string[] = [];
const generic = new Set(['generic-csv', 'generic-json', 'generic-jsonl']);

afterAll(() => {
  console.log(`fuzz (seed ${SEED.toString(16)}):\n${ran.join('\n')}`);
});

describe('bounded fuzzing of every parser', () => {
  it('has real samples for every format but the generic importer (which needs a mapping)', () => {
    const without = FORMATS.filter((f) => !generic.has(f.id) && !seeds.has(f.id)).map((f) => f.id);
    expect(without).toEqual([]);
  });

  for (const format of FORMATS.filter((f) => !generic.has(f.id))) {
    it(`${format.id}: mutated samples end as events, rejects or one clear line`, async () => {
      const list = seeds.get(format.id) ?? [];
      expect(list.length).toBeGreaterThan(0);
      const r = fuzzRng(format.id);
      const tally = { events: 0, rejected: 0, refused: 0 };
      const rssBefore = process.memoryUsage().rss;
      for (let i = 0; i < INPUTS_PER_PARSER; i++) {
        const seed = list[i % list.length]!;
        const kind = MUTATIONS[i % MUTATIONS.length]!;
        const input = mutate(seed.bytes, kind, r);
        let result;
        try {
          result = await readAll(format, input);
        } catch (err) {
          throw new Error(`${format.id} input ${i} (${kind} of ${path.basename(seed.file)}): ${(err as Error).stack}`);
        }
        if ('refused' in result) {
          tally.refused++;
          // One clear line: no stack, no newline, not empty.
          expect(result.refused, `${format.id} input ${i} (${kind})`).toMatch(ONE_LINE);
        } else {
          tally.events += result.events;
          tally.rejected += result.rejected;
        }
      }
      // Memory stays bounded: the biggest input is ~9 MiB; nothing may keep growing with it.
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(768 << 20);
      ran.push(`  ${format.id.padEnd(24)} ${INPUTS_PER_PARSER} inputs: ${tally.events} events, ${tally.rejected} rejected, ${tally.refused} refused`);
    }, 60_000);
  }
});
