import { describe, expect, it } from 'vitest';
import { buildFilter, filterKey } from '../../../renderer/src/features/timeline/build-filter';

describe('buildFilter', () => {
  it('is undefined when nothing is filtered', () => {
    expect(buildFilter({ text: '', category: '' })).toBeUndefined();
    expect(buildFilter({ text: '   ', category: '' })).toBeUndefined();
  });

  it('trims text and keeps only the parts that are set', () => {
    expect(buildFilter({ text: '  rundll32 ', category: '' })).toEqual({ text: 'rundll32' });
    expect(buildFilter({ text: '', category: 'network' })).toEqual({ category: 'network' });
    expect(buildFilter({ text: '経理部', category: 'web' })).toEqual({ text: '経理部', category: 'web' });
  });
});

describe('filterKey', () => {
  it('is the same for equal filters whatever the key order', () => {
    expect(filterKey({ text: 'a', category: 'dns' })).toBe(filterKey({ category: 'dns', text: 'a' }));
    expect(filterKey(undefined)).toBe('');
    expect(filterKey({ text: 'a' })).not.toBe(filterKey({ text: 'b' }));
  });
});
