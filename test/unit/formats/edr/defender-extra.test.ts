// extra of Defender rows is handed over as its members (defender-extra.ts): their text must be
// exactly the text JSON.stringify gives for the object the mapping stores, whatever the
// column names and values (order, duplicates, escapes, surrogates, very wide rows).
import { describe, expect, it } from 'vitest';
import { defenderCsvFormat, defenderJsonlFormat } from '../../../../electron/engine/formats/edr/defender';
import { parseCsvRecord, recordObject } from '../../../../electron/engine/formats/csv';
import { parseLines } from '../windows/helpers';
import { extraTextOf } from '../../../../electron/engine/formats/extra-members';

/** Columns the mapping takes into normalized fields for these rows: never in extra. */
const MAPPED = new Set(['Timestamp', 'DeviceName', 'ActionType', 'InitiatingProcessFileName']);

/** What extra held before it was written directly: the row object minus mapped and empty cells. */
function expectedExtra(header: string[], fields: string[]): string | undefined {
  const row = recordObject(header, fields);
  const extra = Object.create(null) as Record<string, unknown>;
  let kept = 0;
  let dropped = 0;
  for (const key in row) {
    const v = row[key]!;
    if (v === '' || v === '{}' || v === '[]' || MAPPED.has(key)) continue;
    if (++kept > 256) dropped++;
    else extra[key] = v;
  }
  if (dropped > 0) extra.dropped_keys = dropped;
  return kept === 0 ? undefined : JSON.stringify(extra);
}

const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

function checkCsv(header: string[], rows: string[][]): void {
  const r = parseLines(defenderCsvFormat, [header.join(','), ...rows.map(csvLine)]);
  expect(r.rejects).toEqual([]);
  expect(r.events).toHaveLength(rows.length);
  rows.forEach((row, i) => expect(extraTextOf(r.events[i]!), `row ${i}`).toBe(expectedExtra(header, parseCsvRecord(csvLine(row))!)));
}

const BASE = ['Timestamp', 'DeviceName', 'ActionType', 'InitiatingProcessFileName'];
const baseCells = ['2026-10-05T00:00:00Z', 'h', 'SomethingNew', 'a.exe'];

describe('Defender extra as JSON text', () => {
  it('keeps the object key order: array-index names first, a repeated name where it first stood with its last value', () => {
    const header = [...BASE, 'ReportId', '7', 'Extra', '0', '__proto__', 'Extra', '4294967295', '01', '日本語の列'];
    checkCsv(header, [
      [...baseCells, '12', 'seven', 'first', 'zero', 'pp', 'second', 'big', 'lead', '値'],
      [...baseCells, '', 'seven', 'first', '', '', '', '', '{}', '[]'],
      [...baseCells, '', '', '', '', '', '', '', '', ''],
    ]);
  });

  it('escapes what JSON.stringify escapes, and only that', () => {
    const header = [...BASE, 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
    checkCsv(header, [
      [...baseCells, 'say "hi"', 'C:\\Windows\\x', 'tab\there\u0001\u001f', 'line\nnext', '\ud800 lone \udfff', '😀 pair, 請求書', '\u2028\u007f®'],
      [...baseCells, 'plain', '{"a":1}', '[1]', '{}x', ' ', '0', 'null'],
    ]);
  });

  it('a row past 256 kept columns counts the rest in dropped_keys, also when a column has that name', () => {
    const names = Array.from({ length: 300 }, (_, i) => (i === 10 ? 'dropped_keys' : `C${i}`));
    const header = [...BASE, ...names];
    checkCsv(header, [
      [...baseCells, ...names.map((_, i) => `v${i}`)],
      [...baseCells, ...names.map((_, i) => (i % 3 === 0 ? '' : `v${i}`))],
    ]);
  });

  it('JSON rows: numbers, booleans, nested objects and lists as JSON.stringify writes them', () => {
    const row = {
      Timestamp: '2026-10-05T00:00:00Z', DeviceName: 'h', ActionType: 'X', InitiatingProcessFileName: 'a.exe',
      ReportId: 113597, IsLocalAdmin: false, Score: 1.5e-7, AdditionalFields: { a: ['x', null, { b: '\u0001' }] }, Empty: {}, None: null, List: [], Text: 'q"\\',
      '3': 'three',
    };
    // A "__proto__" key as a JSON export can hold it (an object literal cannot).
    const line = `${JSON.stringify(row).slice(0, -1)},"__proto__":"data"}`;
    const [e] = parseLines(defenderJsonlFormat, [line]).events;
    const parsed = JSON.parse(line) as Record<string, unknown>;
    const expected = Object.create(null) as Record<string, unknown>;
    for (const key in parsed) if (!MAPPED.has(key) && !['Empty', 'None', 'List'].includes(key)) expected[key] = parsed[key];
    expect(Object.keys(expected)).toContain('__proto__');
    expect(extraTextOf(e!)).toBe(JSON.stringify(expected));
  });

  it('JSON rows whose keys change from row to row (union schemas, reordered projections)', () => {
    const rows: Record<string, unknown>[] = [
      { Timestamp: '2026-10-05T00:00:00Z', DeviceName: 'h', ActionType: 'X', InitiatingProcessFileName: 'a.exe', A: 1, B: 'b' },
      { Timestamp: '2026-10-05T00:00:01Z', DeviceName: 'h', ActionType: 'X', InitiatingProcessFileName: 'a.exe', A: 2, B: 'b2' },
      { B: 'first', Timestamp: '2026-10-05T00:00:02Z', DeviceName: 'h', ActionType: 'X', InitiatingProcessFileName: 'a.exe', A: 3 },
      { Timestamp: '2026-10-05T00:00:03Z', DeviceName: 'h', ActionType: 'X', InitiatingProcessFileName: 'a.exe', A: 4 },
      { Timestamp: '2026-10-05T00:00:04Z', DeviceName: 'h', ActionType: 'X', InitiatingProcessFileName: 'a.exe', A: 5, B: 'b5', C: true },
      { Timestamp: '2026-10-05T00:00:05Z', DeviceName: '', ActionType: 'X', InitiatingProcessFileName: 'a.exe', A: 6, B: 'b6', C: false },
    ];
    const { events } = parseLines(defenderJsonlFormat, rows.map((r) => JSON.stringify(r)));
    expect(events.map((e) => extraTextOf(e))).toEqual([
      '{"A":1,"B":"b"}',
      '{"A":2,"B":"b2"}',
      '{"B":"first","A":3}',
      '{"A":4}',
      '{"A":5,"B":"b5","C":true}',
      '{"A":6,"B":"b6","C":false}',
    ]);
    expect(events.map((e) => e.host)).toEqual(['h', 'h', 'h', 'h', 'h', undefined]);
  });
});
