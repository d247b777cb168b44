import { describe, expect, it } from 'vitest';
import { filterKey } from '../../../renderer/src/features/timeline/build-filter';

describe('filterKey', () => {
  it('is the same for equal filters whatever the key order', () => {
    expect(filterKey({ text: 'a', category: 'dns' })).toBe(filterKey({ category: 'dns', text: 'a' }));
    expect(filterKey(undefined)).toBe('');
    expect(filterKey({ text: 'a' })).not.toBe(filterKey({ text: 'b' }));
  });
});
