import { describe, expect, it } from 'vitest';
import { normalizeHeader, parseCsvRecord, recordObject } from '../../../electron/engine/formats/csv';

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
  it('maps records onto a BOM-cleaned header', () => {
    const header = normalizeHeader(['\ufeffTimestamp', ' DeviceName ']);
    expect(recordObject(header, ['2024-01-01', 'pc1', 'surplus'])).toEqual({ Timestamp: '2024-01-01', DeviceName: 'pc1', _extra_2: 'surplus' });
  });
});
