import { describe, expect, it } from 'vitest';
import {
  createJsonDocumentReader,
  firstJsonByte,
  readJsonDocumentHead,
  type JsonDocumentLayout,
  type JsonObject,
} from '../../../electron/engine/formats/json-document';
import type { ReadRecord } from '../../../electron/engine/formats/types';

interface Got {
  number: number;
  offset: number;
  length: number;
  kind: string;
  reason?: string;
  key?: string;
  value?: JsonObject;
}

/** Reads `doc` fed in chunks of `size` bytes; each record mapped to its parsed value. */
function read(doc: string | Buffer, layout: JsonDocumentLayout, size = 1 << 20, max?: number): Got[] {
  const bytes = typeof doc === 'string' ? Buffer.from(doc, 'utf8') : doc;
  const reader = createJsonDocumentReader(
    layout,
    (value, info) => ({
      kind: 'events',
      events: [{ ts: 0, timeRaw: '', timeZone: 'UTC', category: 'other', extra: { value, key: info.key, text: info.text } }],
    }),
    max,
  );
  const out: ReadRecord[] = [];
  for (let off = 0; off < bytes.length; off += size) out.push(...reader.push(bytes.subarray(off, off + size), off));
  out.push(...reader.end());
  return out.map((r) => {
    const g: Got = { number: r.number, offset: r.offset, length: r.length, kind: r.outcome.kind };
    if (r.outcome.kind === 'reject') g.reason = r.outcome.reason;
    if (r.outcome.kind === 'events') {
      const x = r.outcome.events[0]!.extra!;
      g.value = x.value as JsonObject;
      if (x.key !== undefined) g.key = x.key as string;
    }
    return g;
  });
}

const TRICKY = [
  { a: 'brackets ] } [ { inside', b: 'escaped \\" quote and \\\\ backslash', c: [1, { d: '}' }] },
  { msg: '請求書のご送付について', path: 'C:\\Users\\山田\\Desktop\\請求書.doc', emoji: '🔥' },
  { nested: { deep: [[[{}]]] }, s: '\\"}]' },
];

describe('json-document: layouts', () => {
  it('a top-level array: each element with its exact byte offset and length', () => {
    const doc = `[\n  ${TRICKY.map((r) => JSON.stringify(r)).join(',\n  ')}\n]\n`;
    const bytes = Buffer.from(doc);
    const got = read(doc, {});
    expect(got.map((g) => g.kind)).toEqual(['events', 'events', 'events']);
    got.forEach((g, i) => {
      expect(g.value).toEqual(TRICKY[i]);
      expect(bytes.subarray(g.offset, g.offset + g.length).toString('utf8')).toBe(JSON.stringify(TRICKY[i]));
      expect(g.number).toBe(i + 1);
    });
  });

  it('the same records for every chunk size from 1 to 97 bytes', () => {
    const doc = JSON.stringify({ num_found: 3, results: TRICKY, after: { x: ['[', '{'] } }, null, 2);
    const whole = read(doc, { arrayKeys: ['results'] });
    expect(whole).toHaveLength(3);
    for (let size = 1; size <= 97; size++) expect(read(doc, { arrayKeys: ['results'] }, size)).toEqual(whole);
  });

  it('a wrapper object: records from the named array; other members skipped, wherever they are', () => {
    const doc = '{"Schema":[{"Name":"Timestamp"}],"Stats":{"a":"]"},"Results":[{"x":1},{"x":"2"}],"more":[{"no":1}]}';
    const got = read(doc, { arrayKeys: ['results', 'Results'] });
    expect(got.map((g) => g.value)).toEqual([{ x: 1 }, { x: '2' }]);
    // Key order in arrayKeys does not matter; the first matching member is read.
    expect(read('{"value":[]}', { arrayKeys: ['value'] })).toEqual([]);
  });

  it('a wrapper key inside a string or a nested object is not the records array', () => {
    const doc = '{"note":"\\"results\\":[{\\"no\\":1}]","inner":{"results":[{"no":2}]},"results":[{"yes":3}]}';
    expect(read(doc, { arrayKeys: ['results'] }).map((g) => g.value)).toEqual([{ yes: 3 }]);
  });

  it('an object of records (plaso json): member names passed along', () => {
    const doc = '{"event_0": {"a": 1}, "event_1": {"b": "日本語"}}';
    for (let size = 1; size <= doc.length; size++) {
      const got = read(doc, { members: true }, size);
      expect(got.map((g) => [g.key, g.value])).toEqual([
        ['event_0', { a: 1 }],
        ['event_1', { b: '日本語' }],
      ]);
    }
  });

  it('a single object as one record when allowed; a reject naming the expected keys otherwise', () => {
    const doc = '\ufeff{"id":"a","type":"WATCHLIST","results_count":[1]}';
    for (let size = 1; size <= 12; size++) {
      const got = read(doc, { arrayKeys: ['results'], singleObject: true }, size);
      expect(got).toEqual([{ number: 1, offset: 3, length: Buffer.byteLength(doc) - 3, kind: 'events', value: { id: 'a', type: 'WATCHLIST', results_count: [1] } }]);
    }
    expect(read(doc, { arrayKeys: ['results'] })[0]!.reason).toBe('no records: the document object has no array property named results');
  });

  it('scalar elements are rejected as "not a JSON object", and an empty array has no records', () => {
    const got = read('[1, "x,]", true, {"a":1}, null]', {});
    expect(got.map((g) => g.reason ?? 'ok')).toEqual([
      'not a JSON object (number)',
      'not a JSON object (string)',
      'not a JSON object (boolean)',
      'ok',
      'not a JSON object (null)',
    ]);
    expect(read('[ ]', {})).toEqual([]);
  });

  it('keeps 64-bit integers exact', () => {
    expect(read('[{"id": 2211398595607011599}]', {})[0]!.value).toEqual({ id: '2211398595607011599' });
  });
});

describe('json-document: UTF-16 documents (PowerShell 5 Out-File)', () => {
  const doc = JSON.stringify({ Results: [{ a: '請求書 "]}"', b: 1 }, { c: '🔥' }] }, null, 2);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]);
  const be = Buffer.from(le).swap16();
  const noBom = Buffer.from(doc, 'utf16le');

  it('LE and BE with a BOM, LE without: same records at every chunk size, offsets in bytes', () => {
    for (const bytes of [le, be, noBom]) {
      for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
        const got = read(bytes, { arrayKeys: ['Results'] }, size);
        expect(got.map((g) => g.value)).toEqual([{ a: '請求書 "]}"', b: 1 }, { c: '🔥' }]);
      }
    }
    const [first] = read(le, { arrayKeys: ['Results'] });
    expect(le.subarray(first!.offset, first!.offset + first!.length).toString('utf16le')).toBe(JSON.stringify({ a: '請求書 "]}"', b: 1 }, null, 2).replace(/\n/g, '\n    '));
  });

  it('sniff helpers read UTF-16 heads', () => {
    expect(firstJsonByte(le)).toBe(0x7b);
    expect(firstJsonByte(be)).toBe(0x7b);
    expect(readJsonDocumentHead(le, { arrayKeys: ['Results'] }).records).toHaveLength(2);
  });
});

describe('json-document: broken and hostile input', () => {
  const doc = JSON.stringify({ results: [{ a: 1 }, { b: '請求書' }, { c: 3 }] });

  it('a truncated document: the last record is rejected with a clear reason, at every cut', () => {
    const bytes = Buffer.from(doc);
    const cut = bytes.subarray(0, bytes.indexOf('"c"') + 2);
    const got = read(cut, { arrayKeys: ['results'] }, 5);
    expect(got.map((g) => g.kind)).toEqual(['events', 'events', 'reject']);
    expect(got[2]).toMatchObject({ reason: 'file ends inside this record (truncated document?)', offset: bytes.indexOf('{"c"') });
    // Cut right after a complete record: nothing lost, but the truncation is reported.
    const after = read(bytes.subarray(0, bytes.indexOf(',{"c"')), { arrayKeys: ['results'] });
    expect(after.at(-1)).toMatchObject({ kind: 'reject', reason: 'file ends before the document is closed (truncated document?)' });
    // Cut inside a multi-byte character.
    const mid = read(bytes.subarray(0, bytes.indexOf('請') + 1), { arrayKeys: ['results'] });
    expect(mid.map((g) => g.kind)).toEqual(['events', 'reject']);
  });

  it('a truncated single object is rejected', () => {
    const got = read('{"id":"a","type":"WATCH', { arrayKeys: ['results'], singleObject: true });
    expect(got).toMatchObject([{ kind: 'reject', reason: 'file ends inside the document object (truncated document?)', offset: 0, length: 23 }]);
  });

  it('reports data after the document and text that is no JSON document', () => {
    expect(read('[{"a":1}] [{"b":2}]', {}).map((g) => g.reason ?? 'ok')).toEqual(['ok', 'data after the end of the JSON document']);
    expect(read('hello', {})).toMatchObject([{ kind: 'reject', reason: 'not a JSON document: it must start with [ or {' }]);
    expect(read('  \n', {})).toMatchObject([{ kind: 'reject' }]);
  });

  it('a record with invalid JSON inside valid structure is rejected alone', () => {
    const got = read('[{"a":1},{"b":tru},{"c":3}]', {});
    expect(got.map((g) => g.kind)).toEqual(['events', 'reject', 'events']);
    expect(got[1]!.reason).toMatch(/^invalid JSON: /);
  });

  it('an over-long record is rejected by size, the next one still read', () => {
    const big = 'x'.repeat(5000);
    const got = read(`[{"a":"${big}"},{"b":1}]`, {}, 700, 4096);
    expect(got[0]).toMatchObject({ kind: 'reject', reason: 'record of 5008 bytes exceeds the 4096-byte limit', length: 5008 });
    expect(got[1]).toMatchObject({ kind: 'events', value: { b: 1 } });
  });

  it('a wrapper whose members before the records pass the size limit: the records are still read', () => {
    // The wrapper is counted as a possible single record until its array starts; its size
    // must not be charged to the first record.
    const doc = `{"note":"${'n'.repeat(5000)}","value":[{"a":1},{"b":2}]}`;
    const got = read(doc, { arrayKeys: ['value'], singleObject: true }, 700, 4096);
    expect(got.map((g) => g.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('a 1 MB record and formula/script payloads pass through unaltered', () => {
    const value = { cmd: `=cmd|' /C calc'!A0 ${'A'.repeat(1 << 20)}`, html: '<script>alert(1)</script>' };
    const got = read(JSON.stringify([value]), {}, 65536);
    expect(got[0]!.value).toEqual(value);
  });

  it('50,000 generated records in 64 KiB chunks', () => {
    const recs = Array.from({ length: 50000 }, (_, i) => ({ i, s: `r${i} "q" ]}`, j: '日本' }));
    const got = read(JSON.stringify({ results: recs }), { arrayKeys: ['results'] }, 65536);
    expect(got).toHaveLength(50000);
    expect(got[49999]!.value).toEqual(recs[49999]);
  });
});

describe('json-document: head for sniffing', () => {
  it('returns the layout and the complete records of a cut-off head', () => {
    const doc = Buffer.from(JSON.stringify({ results: [{ a: 1 }, { b: 2 }, { c: 3 }] }));
    const head = readJsonDocumentHead(doc.subarray(0, doc.indexOf('{"c"') + 3), { arrayKeys: ['results'] });
    expect(head).toEqual({ layout: 'results', records: [{ a: 1 }, { b: 2 }] });
    const bom = Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a, 0x5b]);
    expect(firstJsonByte(bom)).toBe(0x5b);
    expect(firstJsonByte(Buffer.from('  '))).toBe(-1);
  });
});
