// Defender rows hand extra to the ingest as its members (formats/extra-members.ts), encoded
// by ExtraEncoder.encodeMembers without their JSON text being written and split again. What
// is stored must be exactly what the text path stores for the text the format wrote before
// (JSON.stringify of the row's kept cells, `action_original` first when the action is
// normalized): the same shape and values cells, the same dictionary entries in the same
// order, row after row, whatever the values hold; and with encoding off, the same text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defenderCsvFormat, defenderJsonlFormat } from '../../../electron/engine/formats/edr/defender';
import { parseCsvRecord, recordObject } from '../../../electron/engine/formats/csv';
import { extraMembersJson, extraTextOf } from '../../../electron/engine/formats/extra-members';
import type { ParsedEvent } from '../../../electron/engine/formats/types';
import { ExtraEncoder, type EncodedExtra } from '../../../electron/engine/store/extra/extra-encoder';
import { BATCH_COLUMNS, BatchEncoder, CELL_NUMBER, CELL_TEXT, WIDTH } from '../../../electron/engine/ingest/event-batch';
import { ScopeFilter } from '../../../electron/engine/ingest/scope/filter';
import { ExtraReference } from '../helpers/extra';
import { parseLines } from '../formats/windows/helpers';

/** Columns the mapping takes into normalized fields for these (network) rows. */
const MAPPED = new Set(['Timestamp', 'DeviceName', 'ActionType', 'InitiatingProcessFileName', 'RemoteIP']);
const HEADER = [
  'Timestamp', 'DeviceName', 'ActionType', 'InitiatingProcessFileName', 'RemoteIP',
  'DeviceId', 'Quote', 'Backslash', 'Control', 'Lone', 'Japanese', 'EmptyCell', 'AdditionalFields', 'NumberText', 'Session', 'Protocol', 'Unique',
];
const AWKWARD = [
  'say "hi"', 'C:\\Windows\\System32\\', '\\\\server\\share\\"x"', 'tab\there\u0001\u001f', 'line\nnext\r', '\u007f del',
  'lone \ud800 high', 'lone \udfff low', '😀 pair', '請求書.docx', 'ｶﾀｶﾅ', '\u2028\u2029', '', '{}', '[]', '{"a":"b"}', '{"DnsQueryString":"x.example"}',
  '0', '-0', '0123', '1e5', '12345678901234567', 'true', 'null', '1.5', ' ', 'plain',
];

const csvLine = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/** Rows whose coded keys repeat (DeviceId, Protocol), take every awkward value, or stop repeating (Session, Unique: then literal). */
function rows(n: number): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const pick = (k: number) => AWKWARD[(i * 7 + k * 5) % AWKWARD.length]!;
    const action = i % 3 === 2 ? 'SomethingNew' : 'ConnectionSuccess';
    return [
      `2026-10-05T00:00:${String(i % 60).padStart(2, '0')}Z`, `ws-${i % 4}`, action, 'chrome.exe', '203.0.113.9',
      `dev-${i % 5}`, pick(0), pick(1), pick(2), pick(3), pick(4), '', i % 4 === 0 ? '{}' : pick(5), String(i % 9 === 0 ? '007' : i),
      i < 40 ? 'same' : `s-${i}`, i % 2 ? 'Tcp' : 'Udp', ` ${pick(6)} #${i} `,
    ];
  });
}

/** The text the format wrote before members: JSON.stringify of the kept cells, action_original first when normalized. */
function expectedText(fields: string[]): string | undefined {
  const row = recordObject(HEADER, fields);
  const extra: Record<string, unknown> = {};
  if (row.ActionType === 'ConnectionSuccess') extra.action_original = 'ConnectionSuccess';
  for (const key in row) {
    const v = row[key]!;
    if (v === '' || v === '{}' || v === '[]' || MAPPED.has(key)) continue;
    extra[key] = v;
  }
  return Object.keys(extra).length === 0 ? undefined : JSON.stringify(extra);
}

function parsed(n: number): { events: ParsedEvent[]; fields: string[][] } {
  const data = rows(n);
  const r = parseLines(defenderCsvFormat, [HEADER.join(','), ...data.map(csvLine)]);
  expect(r.rejects).toEqual([]);
  return { events: r.events, fields: data.map((row) => parseCsvRecord(csvLine(row))!) };
}

const actionOriginal = (e: ParsedEvent) => (e.action === 'ConnectionSuccess' ? 'ConnectionSuccess' : undefined);

/** Each row's extra cells as a batch holds them: read back (encoding on) or as stored. */
async function batchExtras(events: ParsedEvent[]): Promise<{ stored: (string | null)[]; shapes: (number | null)[]; text: (string | null)[] }> {
  const { BatchEncoder: Encoder } = (await import('../../../electron/engine/ingest/event-batch')) as { BatchEncoder: typeof BatchEncoder };
  const enc = new Encoder();
  events.forEach((e, i) => enc.addRecord({ number: i + 1, offset: 0, length: 1, outcome: { kind: 'events', events: [e] } }));
  const b = enc.take();
  const ref = new ExtraReference().add(b.extraDictionary);
  const at = (row: number, name: (typeof BATCH_COLUMNS)[number]) => row * WIDTH + BATCH_COLUMNS.indexOf(name);
  const stored = events.map((_, i) => {
    const c = at(i, 'extra_values');
    return b.kinds[c] === CELL_TEXT ? Buffer.from(b.text.buffer, b.text.byteOffset + b.values[c]!, b.lengths[c]!).toString('utf8') : null;
  });
  const shapes = events.map((_, i) => (b.kinds[at(i, 'extra_shape')] === CELL_NUMBER ? b.values[at(i, 'extra_shape')]! : null));
  return { stored, shapes, text: stored.map((s, i) => ref.text(shapes[i]!, s)) };
}

describe('Defender extra from its members', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('the members read as the text the format wrote before, awkward values included', () => {
    const { events, fields } = parsed(300);
    events.forEach((e, i) => {
      expect(e.extraJson, `row ${i}`).toBeUndefined();
      expect(extraMembersJson(e.extraMembers!, actionOriginal(e)), `row ${i}`).toBe(expectedText(fields[i]!));
    });
    // AdditionalFields "{}" and the empty column are left out, as before.
    expect(events[0]!.extraMembers!.keys).not.toContain('"EmptyCell":');
    expect(events[0]!.extraMembers!.keys).not.toContain('"AdditionalFields":');
  });

  it('encodeMembers stores exactly what encode() stores for that text: cells and dictionary, row by row, also mixed with text rows', () => {
    // Past the encoder's trial (4,096 uses of a key in the file, over all of these rows' shapes),
    // so that keys which stop repeating turn literal.
    const { events, fields } = parsed(5000);
    let literal = false;
    const byText = new ExtraEncoder();
    const byMembers = new ExtraEncoder();
    const mixed = new ExtraEncoder();
    const same = (a: EncodedExtra | null, b: EncodedExtra, row: number) => expect(a, `row ${row}`).toEqual(b);
    events.forEach((e, i) => {
      const text = expectedText(fields[i]!)!;
      const want = byText.encode(text);
      expect(want.shape, `row ${i} is encoded`).not.toBeNull();
      same(byMembers.encodeMembers(e.extraMembers!, actionOriginal(e)), want, i);
      // Rows of one file may go either way (a capped row, a nested JSON value): one dictionary.
      same(i % 3 === 1 ? mixed.encode(text) : mixed.encodeMembers(e.extraMembers!, actionOriginal(e)), want, i);
      const delta = byText.take();
      literal ||= delta.shapes.some((shape) => shape.coded.includes('0'));
      expect(byMembers.take(), `row ${i}`).toEqual(delta);
      expect(mixed.take(), `row ${i}`).toEqual(delta);
    });
    expect(literal).toBe(true);
  });

  it('a member value changed by one character is stored differently (the comparison above can fail)', () => {
    const { events, fields } = parsed(3);
    const e = events[1]!;
    const at = e.extraMembers!.values.findIndex((v) => typeof v === 'string');
    const m = { keys: e.extraMembers!.keys, values: e.extraMembers!.values.map((v, i) => (i === at ? `${v as string}x` : v)) };
    const [a, b] = [new ExtraEncoder(), new ExtraEncoder()];
    // A coded value keeps its id: the dictionary entry is what differs.
    expect([a.encodeMembers(m, actionOriginal(e)), a.take()]).not.toEqual([b.encode(expectedText(fields[1]!)!), b.take()]);
  });

  it('through the batch: encoding on reads back the text; encoding off stores that same text', async () => {
    const { events, fields } = parsed(200);
    const want = fields.map((f) => expectedText(f) ?? null);
    const on = await batchExtras(events);
    expect(on.text).toEqual(want);
    expect(on.shapes.every((s) => s !== null)).toBe(true);
    vi.stubEnv('TRACELIGHT_EXTRA_ENCODING', '0');
    vi.resetModules();
    const off = await batchExtras(events);
    expect(off.stored).toEqual(want);
    expect(off.shapes.every((s) => s === null)).toBe(true);
  });

  it('a row past 256 kept columns goes as text (dropped_keys), stored as before', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `C${i}`);
    const header = ['Timestamp', 'DeviceName', 'ActionType', 'InitiatingProcessFileName', ...names];
    const cells = ['2026-10-05T00:00:00Z', 'h', 'ConnectionSuccess', 'a.exe', ...names.map((_, i) => `v"${i}`)];
    const [e] = parseLines(defenderCsvFormat, [header.join(','), csvLine(cells)]).events;
    expect(e!.extraMembers).toBeUndefined();
    const kept: Record<string, unknown> = { action_original: 'ConnectionSuccess' };
    names.slice(0, 256).forEach((n, i) => (kept[n] = `v"${i}`));
    kept.dropped_keys = 44;
    const { text } = await batchExtras([e!]);
    expect(text).toEqual([JSON.stringify(kept)]);
  });

  it('an import scope finds an indicator that only a member value holds, as written (not its JSON escapes)', () => {
    const { events } = parsed(30);
    const i = events.findIndex((e) => e.extraMembers!.values.includes('C:\\Windows\\System32\\'));
    expect(i).toBeGreaterThanOrEqual(0);
    const scope = new ScopeFilter({ indicators: { file: 'ioc.txt', sha256: '', values: ['c:\\windows\\system32\\'] } });
    expect(events.map((e) => scope.keeps(e))).toEqual(events.map((e) => extraTextOf(e)!.includes('C:\\\\Windows\\\\System32\\\\')));
    expect(scope.keeps(events[i]!)).toBe(true);
  });

  it('JSON rows: numbers, booleans and nested values (the nested row falls back to text) read back as JSON.stringify writes them', async () => {
    const base = { Timestamp: '2026-10-05T00:00:00Z', DeviceName: 'h', ActionType: 'SomethingNew' };
    const objects = [
      { ...base, ReportId: 113597, Flag: false, Score: 1.5e-7, Big: 1e21, Text: 'q"\\', Jp: '日本語' },
      { ...base, ReportId: 2, Flag: true, Score: 0.1 + 0.2, Big: -0, Text: 'plain', Jp: '\ud800' },
      { ...base, ReportId: 3, AdditionalFields: { a: ['x', null, { b: '\u0001' }] } },
    ];
    const { events } = parseLines(defenderJsonlFormat, objects.map((o) => JSON.stringify(o)));
    const want = objects.map(({ Timestamp: _t, DeviceName: _d, ActionType: _a, ...rest }) => JSON.stringify(rest));
    expect(events.map((e) => extraTextOf(e))).toEqual(want);
    const { text, shapes } = await batchExtras(events);
    expect(text).toEqual(want);
    expect(shapes[2]).toBeNull();
  });
});
