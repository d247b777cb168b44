// Reject reasons and mapping errors are one line the examiner can read, whatever the evidence
// or the mapping file holds: CSV headers and cells may contain line breaks (quoted), fields may
// be megabytes, and V8 quotes the text around a JSON syntax error, line breaks included.
// (Found by the generic importer's fuzzer, test/unit/fuzz/generic-importer.test.ts.)
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../../electron/common/import-mapping';
import { createRowMapper } from '../../../../electron/engine/formats/generic/row-to-event';
import { MappingError, validateMapping } from '../../../../electron/engine/formats/generic/validate-mapping';
import { parseJsonObjectLine } from '../../../../electron/engine/formats/json-line';

const ctx = { fileName: 'x.csv', timezone: 'Asia/Tokyo', baseYear: 2026 };
const mapping = (time: string): ColumnMapping => ({
  version: 1,
  format: 'generic-csv',
  columns: [{ source: time, target: 'time' }],
  time: { format: 'ymd' },
  category: 'other',
});

function reason(outcome: ReturnType<ReturnType<typeof createRowMapper>>): string {
  if (outcome.kind !== 'reject') throw new Error(`expected a reject, got ${outcome.kind}`);
  return outcome.reason;
}

describe('one-line reasons', () => {
  it('a time column whose header has a line break, and a multi-line or huge timestamp cell', () => {
    const map = createRowMapper(mapping('日時\n(JST)'), ctx);
    expect(reason(map([['日時\n(JST)', '']]))).toBe('no timestamp: column "日時\\n(JST)" empty');
    expect(reason(map([['日時\n(JST)', '2026/10/05\n09:12']]))).toBe(
      'timestamp "2026/10/05\\n09:12" in column "日時\\n(JST)" does not read as YYYY/MM/DD hh:mm:ss (Excel in Japan; also - or . between)',
    );
    const huge = reason(map([['日時\n(JST)', `2026/${'9'.repeat(1 << 20)}`]]));
    expect(huge).toMatch(/^timestamp "2026\/9{75}…" in column/);
    expect(huge.length).toBeLessThan(300);
  });

  it('invalid JSON over several lines of a document: the reason shows the line breaks escaped', () => {
    const r = parseJsonObjectLine('{"a":1,\n "b": : 2}');
    expect(typeof r).toBe('string');
    expect(r).toBe('invalid JSON: Unexpected token \':\', "{"a":1,\\n "b": : 2}" is not valid JSON');
    expect(r as string).toMatch(/^invalid JSON: /);
  });

  it('a mapping file: a huge or multi-line value is quoted and cut in the error', () => {
    const bad = (patch: Record<string, unknown>): string => {
      try {
        validateMapping({ ...mapping('t'), ...patch });
      } catch (err) {
        expect(err).toBeInstanceOf(MappingError);
        return (err as Error).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ version: 'x'.repeat(5000) })).toBe(`unsupported mapping version "${'x'.repeat(80)}…" (expected 1)`);
    expect(bad({ columns: [{ source: 'a\nb', target: 'time' }, { source: 'a\nb', target: 'host' }] })).toBe('column "a\\nb" is listed twice');
    expect(bad({ timezone: 'Mars/\nOlympus' })).toBe('unknown time zone "Mars/\\nOlympus"');
  });
});
