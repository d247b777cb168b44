// The bounded fuzzer of the generic importer: the column mapper (the proposal an examiner
// starts from) and the three generic formats reading with a mapping. Seeds are real tables and
// JSON exports (samples and fixtures); each is proposed a mapping as the examiner would get it,
// then mutated with the fixed seed. Every mutated input must:
//  - get a proposal, or be refused with one clear line (never another exception);
//  - read, with the seed's mapping and with its own proposed mapping, into events, rejected
//    records and skips, or be refused with one clear line;
//  - lose nothing: every reject carries a record number and a one-line reason, and the
//    records' byte ranges never overlap (for line formats they cover every byte of the file
//    but line terminators and the BOM).
// Prints how many inputs each fuzzer ran.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ColumnMapping, GenericFormatId } from '../../../electron/common/import-mapping';
import { UnreadableInputError } from '../../../electron/engine/errors';
import { findFormat } from '../../../electron/engine/formats/registry';
import type { ReadRecord } from '../../../electron/engine/formats/types';
import { MappingError, validateMapping } from '../../../electron/engine/formats/generic/validate-mapping';
import { previewMapping } from '../../../electron/engine/ingest/mapping/preview';
import { proposeMapping } from '../../../electron/engine/ingest/mapping/propose-mapping';
import { createReader, runPass } from '../../../electron/engine/ingest/record-pass';
import { sniffContent } from '../../../electron/engine/ingest/sniff';
import { repoRoot, samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';
import { chunksOf, fuzzRng, HEAD_BYTES, INPUTS_PER_PARSER, ONE_LINE, SEED, SEED_BYTES } from './harness';
import { MUTATIONS, mutate } from './mutate';

const fixture = (...p: string[]): string => path.join(repoRoot, 'test', 'fixtures', ...p);

/** Real files each generic format is fuzzed from: tables and exports of several shapes and encodings. */
const SEEDS: Record<GenericFormatId, string[]> = {
  'generic-csv': [
    samplePath('timesketch_csv', 'timesketch_evtx_direct.csv'),
    samplePath('emotet_ioc', 'vmware_tau_2022-01_Emotet_IoCs_Jan2022.csv'),
    fixture('defender', 'DeviceNetworkEvents.csv'),
    fixture('encodings', 'defender_file_events_cp932.csv'),
    fixture('crowdstrike', 'event_search.csv'),
  ],
  'generic-jsonl': [
    samplePath('timesketch_jsonl', 'timesketch_sigma_events.jsonl'),
    samplePath('zeek_json', 'otrf_apt29d1_NASHUA_conn.log'),
    samplePath('sysmon_json', 'otrf_cmd_mshta_vbscript_execute_psh.jsonl'),
    fixture('carbonblack_edr', 'ingress_events.jsonl'),
  ],
  'generic-json': [
    samplePath('carbonblack_cloud_json', 'cbc_sdk_process_search_results.json'),
    samplePath('carbonblack_cloud_json', 'cbc_sdk_alert_v7_search_response.json'),
    samplePath('carbonblack_cloud_json', 'cbc_sdk_enriched_event_search_results.json'),
    fixture('crowdstrike', 'event_search.json'),
    samplePath('stix', 'mitre_cti_emotet_S0367_malware--32066e94.json'),
  ],
};

/** A seed's first lines up to SEED_BYTES (a JSON document whole, up to the sniffer's head). */
function seedBytes(file: string, format: GenericFormatId): Buffer {
  const whole = readFileSync(file);
  if (format === 'generic-json') return whole.subarray(0, HEAD_BYTES);
  if (whole.length <= SEED_BYTES) return whole;
  const cut = whole.lastIndexOf(0x0a, SEED_BYTES);
  return whole.subarray(0, cut > 0 ? cut + 1 : SEED_BYTES);
}

type Read = { records: ReadRecord[]; events: number; rejected: number } | { refused: string };

/** Reads `input` with `mapping` as the ingest does (sniffed encoding, forced format, 64 KiB chunks). */
async function readWith(mapping: ColumnMapping, input: Buffer): Promise<Read> {
  const format = findFormat(mapping.format)!;
  const records: ReadRecord[] = [];
  try {
    const sniffed = sniffContent({ head: input.subarray(0, HEAD_BYTES), wholeContent: input.length <= HEAD_BYTES, fileName: 'fuzz.csv', container: null, forcedFormat: format.id });
    const reader = createReader(format, sniffed.encoding, sniffed.bomLength, { fileName: 'fuzz.csv', timezone: 'Asia/Tokyo', baseYear: 2026, mapping });
    // The records themselves, to check that none is lost; runPass for its guards.
    const seen = {
      push: (c: Buffer, o: number) => remember(reader.push(c, o)),
      end: () => remember(reader.end()),
    };
    const remember = (it: Iterable<ReadRecord>): ReadRecord[] => {
      const out = [...it];
      records.push(...out);
      return out;
    };
    const counts = await runPass(seen, chunksOf(input), () => {}, false);
    return { records, events: counts.events, rejected: counts.rejected };
  } catch (err) {
    if (err instanceof UnreadableInputError) return { refused: err.message };
    throw err;
  }
}

/** Bytes a line reader may leave between records: line terminators (UTF-8 or UTF-16) and a BOM. */
const GAP_BYTES = new Set([0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe]);

function checkNothingLost(read: { records: ReadRecord[] }, input: Buffer, lineFormat: boolean, what: string): void {
  let end = 0;
  for (const r of read.records) {
    expect(r.offset, `${what}: record ${r.number} overlaps the one before`).toBeGreaterThanOrEqual(end);
    if (lineFormat) {
      const gap = input.subarray(end, r.offset);
      expect([...gap].every((b) => GAP_BYTES.has(b)), `${what}: bytes ${end}-${r.offset} belong to no record`).toBe(true);
    }
    end = r.offset + r.length;
    if (r.outcome.kind === 'reject') {
      expect(r.number, `${what}: a reject without a record number`).toBeGreaterThan(0);
      expect(r.outcome.reason, `${what}: reject reason of record ${r.number}`).toMatch(ONE_LINE);
    }
  }
  expect(end, `${what}: records run past the end of the file`).toBeLessThanOrEqual(input.length);
  if (lineFormat) {
    const tail = input.subarray(end);
    expect([...tail].every((b) => GAP_BYTES.has(b)), `${what}: the file's last ${tail.length} bytes belong to no record`).toBe(true);
  }
}

/** Values an edited or hostile mapping file may hold where a name, a number or a flag belongs. */
const HOSTILE_VALUES: unknown[] = [
  null, 0, -1, 1e308, 1.5, true, '', 'x'.repeat(5000), 'a\nb\r\nc', '<img src=x onerror=alert(1)>', '=cmd|\' /C calc\'!A0',
  '\u202etxt.exe', '日時', 'Asia/Tokyo', 'Mars/Olympus', 'time', 'generic-csv', [], [1, 2], {}, { source: 'a', target: 'time' }, '__proto__',
];

/** The mapping with one value (anywhere in it, arrays included) replaced, removed or duplicated. */
function replaceOneValue(root: unknown, r: () => number): unknown {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        slots.push([v, i]);
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        slots.push([o, k]);
        walk(o[k]);
      }
    }
  };
  walk(root);
  if (slots.length === 0) return root;
  const [holder, key] = slots[Math.floor(r() * slots.length)]!;
  const what = r();
  if (Array.isArray(holder)) {
    const at = key as number;
    if (what < 0.2) holder.splice(at, 1);
    else if (what < 0.4) holder.push(structuredClone(holder[at]));
    else holder[at] = HOSTILE_VALUES[Math.floor(r() * HOSTILE_VALUES.length)];
  } else if (what < 0.2) delete holder[key as string];
  else holder[key as string] = HOSTILE_VALUES[Math.floor(r() * HOSTILE_VALUES.length)];
  return root;
}

const ran: string[] = [];
afterAll(() => {
  console.log(`fuzz, generic importer (seed ${SEED.toString(16)}):\n${ran.join('\n')}`);
});

describe('bounded fuzzing of the generic importer (column mapper and generic formats)', () => {
  const dir = tempDir();
  for (const format of Object.keys(SEEDS) as GenericFormatId[]) {
    it(`${format}: mutated tables get a proposal or one clear line, and read into events and rejects with nothing lost`, async () => {
      // (The directory is emptied after each test.)
      mkdirSync(path.join(dir, format), { recursive: true });
      const seeds = SEEDS[format].map((file) => {
        const bytes = seedBytes(file, format);
        const at = path.join(dir, format, `seed-${path.basename(file)}`);
        writeFileSync(at, bytes);
        // The mapping the examiner confirms for the real file: the proposal, as it comes.
        const mapping = proposeMapping(at, path.basename(file), { format }).mapping;
        expect(mapping.format).toBe(format);
        return { file, bytes, mapping };
      });
      const r = fuzzRng(format);
      const tally = { inputs: 0, proposed: 0, events: 0, rejected: 0, refused: 0 };
      const rssBefore = process.memoryUsage().rss;
      for (let i = 0; i < INPUTS_PER_PARSER; i++) {
        const seed = seeds[i % seeds.length]!;
        const kind = MUTATIONS[i % MUTATIONS.length]!;
        const input = mutate(seed.bytes, kind, r);
        const what = `${format} input ${i} (${kind} of ${path.basename(seed.file)})`;
        tally.inputs++;
        const file = path.join(dir, format, `${i}.txt`);
        writeFileSync(file, input);
        const mappings = [seed.mapping];
        try {
          mappings.push(proposeMapping(file, `${i}.txt`, { format }).mapping);
          tally.proposed++;
        } catch (err) {
          if (!(err instanceof UnreadableInputError)) throw new Error(`${what}: proposal: ${(err as Error).stack}`);
          expect(err.message, `${what}: proposal refused`).toMatch(ONE_LINE);
        }
        for (const mapping of mappings) {
          // The preview the examiner checks the mapping with: rows, or one clear line.
          try {
            for (const row of previewMapping(file, mapping, { fileName: `${i}.txt`, timezone: 'Asia/Tokyo', baseYear: 2026 })) {
              if (row.reject !== undefined) expect(row.reject, `${what}: preview of record ${row.record}`).toMatch(ONE_LINE);
            }
          } catch (err) {
            if (!(err instanceof UnreadableInputError)) throw new Error(`${what}: preview: ${(err as Error).stack}`);
            expect(err.message, `${what}: preview refused`).toMatch(ONE_LINE);
          }
          let read: Read;
          try {
            read = await readWith(mapping, input);
          } catch (err) {
            throw new Error(`${what}: ${(err as Error).stack}`);
          }
          if ('refused' in read) {
            tally.refused++;
            expect(read.refused, `${what}: refused`).toMatch(ONE_LINE);
            continue;
          }
          checkNothingLost(read, input, format !== 'generic-json', what);
          tally.events += read.events;
          tally.rejected += read.rejected;
        }
      }
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(768 << 20);
      ran.push(`  ${format.padEnd(14)} ${tally.inputs} inputs (${tally.proposed} proposed a mapping): ${tally.events} events, ${tally.rejected} rejected, ${tally.refused} refused`);
    }, 90_000);
  }

  it('mapping files: a mutated mapping JSON is a valid mapping (that reads its table with nothing lost) or one clear line naming its first problem', async () => {
    const r = fuzzRng('mapping-json');
    mkdirSync(dir, { recursive: true });
    const tables: Buffer[] = [];
    const mappings = Object.entries(SEEDS).map(([format, files]) => {
      const at = path.join(dir, `mapping-seed-${format}`);
      tables.push(seedBytes(files[0]!, format as GenericFormatId));
      writeFileSync(at, tables[tables.length - 1]!);
      // A saved-mapping export wraps the mapping: both shapes are what an examiner brings.
      const mapping = proposeMapping(at, format, { format: format as GenericFormatId }).mapping;
      return Buffer.from(JSON.stringify(format === 'generic-json' ? { name: 'exported', mapping } : mapping, null, 2));
    });
    const tally = { inputs: 0, valid: 0, refused: 0, notJson: 0 };
    for (let i = 0; i < INPUTS_PER_PARSER * 3; i++) {
      const kind = MUTATIONS[i % MUTATIONS.length]!;
      const input = mutate(mappings[i % mappings.length]!, kind, r);
      tally.inputs++;
      let parsed: unknown;
      try {
        // Half the inputs are byte mutations; the other half change one value of the parsed
        // mapping (byte mutations rarely leave JSON that parses).
        parsed = JSON.parse(i % 2 ? input.toString('utf8') : mappings[i % mappings.length]!.toString('utf8'));
      } catch {
        tally.notJson++;
        continue;
      }
      if (i % 2 === 0) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) parsed = replaceOneValue(parsed, r);
      let mapping: ColumnMapping;
      try {
        mapping = validateMapping(parsed);
        tally.valid++;
      } catch (err) {
        if (!(err instanceof MappingError)) throw new Error(`mapping input ${i} (${kind}): ${(err as Error).stack}`);
        expect(err.message, `mapping input ${i} (${kind})`).toMatch(ONE_LINE);
        tally.refused++;
        continue;
      }
      const table = tables[i % tables.length]!;
      const read = await readWith(mapping, table);
      if ('refused' in read) expect(read.refused, `mapping input ${i} (${kind}): refused`).toMatch(ONE_LINE);
      else checkNothingLost(read, table, mapping.format !== 'generic-json', `mapping input ${i} (${kind})`);
    }
    ran.push(`  ${'mapping JSON'.padEnd(14)} ${tally.inputs} inputs: ${tally.valid} valid, ${tally.refused} refused, ${tally.notJson} not JSON (the JSON parser's error)`);
  });
});
