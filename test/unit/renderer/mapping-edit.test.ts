import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../electron/common/import-mapping';
import { mappingProblem, setTarget } from '../../../renderer/src/features/mapping/mapping-edit';

const base: ColumnMapping = {
  version: 1,
  format: 'generic-csv',
  csv: { delimiter: ',', header: true, skipRecords: 0 },
  columns: [
    { source: 'when', target: 'time' },
    { source: 'day', target: 'extra' },
    { source: 'clock', target: 'extra' },
    { source: 'pc', target: 'host' },
  ],
  time: { format: 'iso8601' },
  category: 'other',
};

const targets = (m: ColumnMapping): string[] => m.columns.map((c) => c.target);

describe('mapping edits in the dialog', () => {
  it('keeps one time column: choosing another moves the old one to extra', () => {
    expect(targets(setTarget(base, 'day', 'time'))).toEqual(['extra', 'time', 'extra', 'host']);
  });

  it('a date and clock pair replaces a time column, and a time column replaces the pair', () => {
    const pair = setTarget(setTarget(base, 'day', 'date'), 'clock', 'clock');
    expect(targets(pair)).toEqual(['extra', 'date', 'clock', 'host']);
    expect(mappingProblem(pair)).toBeNull();
    expect(targets(setTarget(pair, 'when', 'time'))).toEqual(['time', 'extra', 'extra', 'host']);
  });

  it('gives a target to one column: choosing another host column moves the first to extra', () => {
    expect(targets(setTarget(base, 'clock', 'host'))).toEqual(['time', 'extra', 'host', 'extra']);
    expect(targets(setTarget(setTarget(base, 'day', 'ignore'), 'clock', 'ignore'))).toEqual(['time', 'ignore', 'ignore', 'host']);
  });

  it('says what is missing before the mapping can be used', () => {
    expect(mappingProblem(setTarget(base, 'when', 'extra'))).toBe('mapping.problem.chooseTime');
    expect(mappingProblem({ ...base, columns: [{ source: 'clock', target: 'clock' }] })).toBe('mapping.problem.clockNeedsDate');
  });
});
