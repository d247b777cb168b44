import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../renderer/src/features/timeline/page-cache';

describe('PageCache', () => {
  it('evicts the least recently used page past capacity', () => {
    const cache = new PageCache<string>(2);
    cache.set(1, 'a');
    cache.set(2, 'b');
    cache.set(3, 'c');
    expect(cache.peek(1)).toBeUndefined();
    expect(cache.keys()).toEqual([2, 3]);
  });

  it('counts get() as a use, peek() not', () => {
    const cache = new PageCache<string>(2);
    cache.set(1, 'a');
    cache.set(2, 'b');
    expect(cache.get(1)).toBe('a');
    cache.set(3, 'c');
    expect(cache.keys()).toEqual([1, 3]);
    expect(cache.peek(1)).toBe('a');
    cache.set(4, 'd');
    expect(cache.keys()).toEqual([3, 4]);
  });

  it('replaces a page in place and clears', () => {
    const cache = new PageCache<string>(3);
    cache.set(1, 'a');
    cache.set(1, 'b');
    expect(cache.size).toBe(1);
    expect(cache.get(1)).toBe('b');
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('refuses a zero capacity', () => {
    expect(() => new PageCache(0)).toThrow(RangeError);
  });
});
