// The batch encoder writes a row's short text cells with one call while they are ASCII
// and cell by cell otherwise: each cell's bytes must be its own UTF-8 either way.
import { describe, expect, it } from 'vitest';
import { BATCH_COLUMNS, BatchEncoder, CELL_NULL, CELL_NUMBER, CELL_TEXT, WIDTH } from '../../../electron/engine/ingest/event-batch';
import type { ParsedEvent } from '../../../electron/engine/formats/types';
import { ExtraReference } from '../helpers/extra';

const col = (name: (typeof BATCH_COLUMNS)[number]) => BATCH_COLUMNS.indexOf(name);

function encode(events: ParsedEvent[]) {
  const enc = new BatchEncoder();
  events.forEach((e, i) => enc.addRecord({ number: i + 1, offset: i * 10, length: 10, outcome: { kind: 'events', events: [e] } }));
  const b = enc.take();
  const extra = new ExtraReference().add(b.extraDictionary);
  const cell = (row: number, name: (typeof BATCH_COLUMNS)[number] | 'extra'): string | number | null => {
    // extra as the case reads it back (store/extra/): from its stored values and shape.
    if (name === 'extra') return extra.text(cell(row, 'extra_shape') as number | null, cell(row, 'extra_values') as string | null);
    const c = row * WIDTH + col(name);
    if (b.kinds[c] === CELL_NULL) return null;
    if (b.kinds[c] === CELL_NUMBER) return b.values[c]!;
    expect(b.kinds[c]).toBe(CELL_TEXT);
    return Buffer.from(b.text.buffer, b.text.byteOffset + b.values[c]!, b.lengths[c]!).toString('utf8');
  };
  return { b, cell };
}

const base = { ts: Date.parse('2026-10-05T00:00:00.123Z'), timeRaw: '2026-10-05T00:00:00.1234Z', timeZone: 'UTC', category: 'process' } as const;

describe('BatchEncoder text cells', () => {
  it('ASCII, Japanese, a surrogate pair split across two cells and lone surrogates each keep their own bytes', () => {
    const events: ParsedEvent[] = [
      { ...base, host: 'ws1', user: 'acme\\taro', process_pid: 42, message: 'plain', extraJson: '{"a":"b"}' },
      { ...base, host: 'ws-日本', user: 'acme\\山田', message: 'Process created: 請求書.doc', extra: { k: '値' } },
      // A high surrogate ending one cell and a low one starting the next: joined they would
      // read as one character, written apart each is a replacement character.
      { ...base, host: 'a\ud83d', user: '\ude00b', message: '😀', domain: '' },
      { ...base, timeRaw: '', category: 'other', process_pid: Number.NaN },
    ];
    const { b, cell } = encode(events);
    expect(b.rows).toBe(4);
    expect([cell(0, 'time'), cell(0, 'time_raw'), cell(0, 'host'), cell(0, 'user'), cell(0, 'process_pid'), cell(0, 'message'), cell(0, 'extra')])
      .toEqual(['2026-10-05T00:00:00.123Z', '2026-10-05T00:00:00.1234Z', 'ws1', 'acme\\taro', 42, 'plain', '{"a":"b"}']);
    expect([cell(1, 'host'), cell(1, 'user'), cell(1, 'message'), cell(1, 'extra')]).toEqual(['ws-日本', 'acme\\山田', 'Process created: 請求書.doc', '{"k":"値"}']);
    expect([cell(2, 'host'), cell(2, 'user'), cell(2, 'message'), cell(2, 'domain')]).toEqual(['a\ufffd', '\ufffdb', '😀', null]);
    expect([cell(3, 'time_raw'), cell(3, 'category'), cell(3, 'process_pid'), cell(3, 'extra')]).toEqual(['', 'other', null, null]);
    // The cells' bytes follow each other (in the order written), nothing between or over them.
    const spans = [0, 1, 2, 3]
      .flatMap((r) => BATCH_COLUMNS.map((_, i) => r * WIDTH + i))
      .filter((c) => b.kinds[c] === CELL_TEXT)
      .map((c) => [b.values[c]!, b.lengths[c]!] as const)
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let at = 0;
    for (const [offset, length] of spans) {
      expect(offset).toBe(at);
      at += length;
    }
    expect(b.textBytes).toBe(at);
  });
});
