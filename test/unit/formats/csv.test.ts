import { describe, expect, it } from 'vitest';
import { csvColumns, headedCsvParser, normalizeHeader, parseCsvRecord, recordObject } from '../../../electron/engine/formats/csv';

describe('parseCsvRecord', () => {
  it('splits plain and quoted fields, with doubled quotes and embedded delimiters', () => {
    expect(parseCsvRecord('a,"b,c","say ""hi""",,"請求書.doc"')).toEqual(['a', 'b,c', 'say "hi"', '', '請求書.doc']);
  });
  it('asks for more while a quoted field is open across lines', () => {
    expect(parseCsvRecord('1,"first line')).toBeNull();
    expect(parseCsvRecord('1,"first line\nsecond line",x')).toEqual(['1', 'first line\nsecond line', 'x']);
  });
  it('reads TSV and keeps formula-looking values as plain data', () => {
    expect(parseCsvRecord("=cmd|' /C calc'!A0\t<script>x</script>", '\t')).toEqual(["=cmd|' /C calc'!A0", '<script>x</script>']);
  });
  it('keeps a trailing empty field', () => {
    expect(parseCsvRecord('a,b,')).toEqual(['a', 'b', '']);
  });
  it('keeps a quote inside an unquoted field, and text after a closing quote', () => {
    expect(parseCsvRecord('a"b,"c"d,e')).toEqual(['a"b', 'cd', 'e']);
    expect(parseCsvRecord(',,')).toEqual(['', '', '']);
    expect(parseCsvRecord('')).toEqual(['']);
  });
  it('refuses a delimiter that is not one character (it would never advance)', () => {
    expect(() => parseCsvRecord('a,b', '')).toThrow(/one character/);
  });
  it('maps records onto a BOM-cleaned header', () => {
    const header = normalizeHeader(['\ufeffTimestamp', ' DeviceName ']);
    expect(recordObject(header, ['2024-01-01', 'pc1', 'surplus'])).toEqual({ Timestamp: '2024-01-01', DeviceName: 'pc1', _extra_2: 'surplus' });
  });
});

describe('csvColumns', () => {
  it('lists keys as the row object does: array-index names first, a repeated name once, with its last field', () => {
    const names = ['Timestamp', '7', 'x', '0', 'x', '__proto__', '01'];
    const cols = csvColumns(names);
    const fields = names.map((_, i) => `f${i}`);
    const row = recordObject(names, fields);
    expect(cols.keys).toEqual(Object.keys(row));
    expect(cols.keys.map((_, i) => fields[cols.keyField[i]!])).toEqual(Object.values(row));
    expect(cols.keys).toEqual(['0', '7', 'Timestamp', 'x', '__proto__', '01']);
  });
});

describe('headedCsvParser', () => {
  const isHeader = (h: readonly string[]) => h[0] === 'a';
  it('compiles the header once and hands each row its fields', () => {
    const seen: string[][] = [];
    let compiled = 0;
    const p = headedCsvParser({
      isHeader,
      headerReason: 'no',
      compile: (cols) => {
        compiled++;
        expect(cols.names).toEqual(['a', 'b']);
        return (fields) => {
          seen.push(fields);
          return { kind: 'skip' };
        };
      },
    });
    expect(p.parseLine('\ufeffa, b ', 1)).toEqual({ kind: 'skip' });
    expect(p.parseLine('1,2', 2)).toEqual({ kind: 'skip' });
    expect(p.parseLine('1', 3)).toEqual({ kind: 'reject', reason: '1 fields where the header names 2' });
    expect(p.parseLine('3,"4', 4)).toEqual({ kind: 'more' });
    expect(p.parseLine('3,"4\n5"', 4)).toEqual({ kind: 'skip' });
    expect(compiled).toBe(1);
    expect(seen).toEqual([['1', '2'], ['3', '4\n5']]);
  });
  it('maps rows keyed by header names with map()', () => {
    const p = headedCsvParser({ isHeader, headerReason: 'not a', map: (row) => ({ kind: 'reject', reason: JSON.stringify(row) }) });
    expect(p.parseLine('x,y', 1)).toEqual({ kind: 'reject', reason: 'not a' });
    expect(p.parseLine('a,b', 2)).toEqual({ kind: 'skip' });
    expect(p.parseLine('1,2', 3)).toEqual({ kind: 'reject', reason: '{"a":"1","b":"2"}' });
  });
});
