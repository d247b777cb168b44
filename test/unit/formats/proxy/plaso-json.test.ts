import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plasoJsonFormat } from '../../../../electron/engine/formats/proxy/plaso-json';
import { plasoJsonLineFormat } from '../../../../electron/engine/formats/proxy/plaso-json-line';
import { readSampleLines, samplePath } from '../../helpers/samples';
import { readDocument } from '../edr/helpers';
import { FORMULA, JAPANESE, MB, SCRIPT, runLines } from './helpers';

const readAll = (bytes: Buffer, chunk = 4096) => readDocument(plasoJsonFormat, bytes, chunk);

const sample = () => readFileSync(samplePath('plaso_json_line', 'plaso_end_to_end_json.json'));
const head = (b: Buffer) => ({ fileName: 'x.json', head: b.subarray(0, 65536), lines: [] });

describe('plaso json (whole document): real sample', () => {
  it('reads plaso_end_to_end_json.json: 20 events, 0 rejects, in small chunks', () => {
    const r = readAll(sample(), 1000);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(20);
  });

  it('gives the same events as the json_line rendering of the same run (plus the member name)', () => {
    const doc = readAll(sample()).events;
    const lines = runLines(plasoJsonLineFormat, readSampleLines('plaso_json_line', 'plaso_end_to_end_json_line.jsonl')).events;
    expect(doc.map((e) => ({ ...e, extra: { ...e.extra, plaso_key: undefined } }))).toEqual(lines.map((e) => ({ ...e, extra: { ...e.extra, plaso_key: undefined } })));
    expect(doc[2]).toMatchObject({ category: 'process', user: 'root', ts: Date.parse('2012-01-22T07:53:01Z'), extra: { plaso_key: 'event_2' } });
  });

  it('keeps each record\'s byte offset and length', () => {
    const bytes = sample();
    const r = readAll(bytes).records[0]!;
    const text = bytes.subarray(r.offset, r.offset + r.length).toString('utf8');
    expect(text.startsWith('{')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ data_type: 'syslog:line', timestamp: 1327218753000000 });
  });

  it('is sniffed as plaso json, and json_line / other JSON are not', () => {
    expect(plasoJsonFormat.sniff(head(sample()))).toBeGreaterThanOrEqual(0.9);
    expect(plasoJsonFormat.sniff(head(readFileSync(samplePath('plaso_json_line', 'plaso_end_to_end_json_line.jsonl'))))).toBe(0);
    expect(plasoJsonFormat.sniff(head(Buffer.from('{"results":[{"a":1}],"num_found":1}')))).toBe(0);
    expect(plasoJsonFormat.sniff(head(Buffer.from('[{"timestamp":1,"timestamp_desc":"x"}]')))).toBe(0);
  });
});

describe('plaso json: hostile input', () => {
  const event = (o: Record<string, unknown>) => ({ __container_type__: 'event', data_type: 'x:y', parser: 'p', timestamp: 1, timestamp_desc: 'W', ...o });

  it('rejects a cut-off document and a record without a timestamp, keeping the rest', () => {
    const doc = Buffer.from(JSON.stringify({ event_0: event({}), event_1: event({ timestamp: 'x' }), event_2: event({}) }));
    const r = readAll(doc);
    expect(r.events).toHaveLength(2);
    expect(r.rejects).toEqual([expect.stringMatching(/event_1: no integer "timestamp"/)]);
    const cut = readAll(doc.subarray(0, doc.length - 20));
    // The cut falls inside event_2: event_0 remains, event_1 and the cut-off event_2 are rejects.
    expect(cut.events).toHaveLength(1);
    expect(cut.rejects).toHaveLength(2);
  });

  it('passes formulas, scripts, Japanese text and 1 MB values through', () => {
    const big = 'H'.repeat(MB);
    const r = readAll(Buffer.from(JSON.stringify({ event_0: event({ message: `${FORMULA}${SCRIPT}`, filename: JAPANESE, big }) })), 65536);
    expect(r.events[0]).toMatchObject({ message: `${FORMULA}${SCRIPT}`, extra: { filename: JAPANESE, big } });
  });

  it('reads 100k generated events', () => {
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(`"event_${i}": ${JSON.stringify(event({ timestamp: 1327218753000000 + i * 1000, message: `m${i}` }))}`);
    const r = readAll(Buffer.from(`{${parts.join(', ')}}`), 1 << 20);
    expect(r.rejects).toEqual([]);
    expect(r.events).toHaveLength(100_000);
    expect(r.events[99_999]!.ts).toBe(1327218753000 + 99_999);
  });
});
