import { describe, expect, it } from 'vitest';
import { chosenFormats, defaultFileName, exportArgs, filterApplies, type ExportChoices } from '../../../renderer/src/features/export/export-plan';

const choices = (over: Partial<ExportChoices> = {}): ExportChoices => ({
  formats: { pdf: true, xlsx: false, csv: true, timesketch: false },
  language: 'ja',
  detection: 'last',
  useFilter: true,
  ...over,
});

describe('export plan', () => {
  it('asks for the chosen formats in a fixed order, with the filter only when chosen', () => {
    expect(chosenFormats(choices())).toEqual(['pdf', 'csv']);
    expect(exportArgs(choices(), { text: 'powershell' })).toEqual({ formats: ['pdf', 'csv'], language: 'ja', detection: 'last', filter: { text: 'powershell' } });
    expect(exportArgs(choices({ useFilter: false }), { text: 'x' })).not.toHaveProperty('filter');
    expect(exportArgs(choices(), undefined, { pdf: '/a.pdf', csv: '/b.csv' })).toMatchObject({ paths: { pdf: '/a.pdf', csv: '/b.csv' }, overwrite: true });
  });

  it('offers the filter only for row exports, and proposes safe file names that keep Japanese', () => {
    expect(filterApplies(choices({ formats: { pdf: true, xlsx: false, csv: false, timesketch: false } }))).toBe(false);
    expect(filterApplies(choices())).toBe(true);
    expect(defaultFileName('事案: A/B', 'timesketch')).toBe('事案_ A_B_timesketch.jsonl');
    expect(defaultFileName('..', 'pdf')).toBe('__report.pdf');
  });
});
