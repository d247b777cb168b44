import { describe, expect, it } from 'vitest';
import {
  computeWindow,
  pagesForRange,
  rowTop,
  scrollTopForRow,
  type WindowInput,
} from '../../../renderer/src/features/timeline/virtual-window';

const base: WindowInput = { scrollTop: 0, viewportHeight: 480, rowHeight: 24, count: 1_000_000, overscan: 10 };

describe('computeWindow', () => {
  it('renders the first screen plus overscan below', () => {
    const w = computeWindow(base);
    expect(w).toMatchObject({ start: 0, end: 30, height: 24_000_000, offset: 0 });
  });

  it('keeps 1M rows at 24px unscaled: inner height = count * rowHeight', () => {
    const w = computeWindow({ ...base, scrollTop: 24 * 500_000 });
    expect(w.height).toBe(24_000_000);
    expect(w.start).toBe(500_000 - 10);
    expect(w.end).toBe(500_000 + 20 + 10);
    expect(rowTop(500_000, 24 * 500_000, w, 24)).toBe(24 * 500_000);
  });

  it('covers a partially visible row at the bottom', () => {
    const w = computeWindow({ ...base, scrollTop: 12, overscan: 0 });
    expect(w.start).toBe(0);
    expect(w.end).toBe(21);
  });

  it('clamps to the list at the end and for tiny lists', () => {
    const end = computeWindow({ ...base, scrollTop: 24_000_000 - 480 });
    expect(end.end).toBe(1_000_000);
    expect(end.start).toBe(1_000_000 - 20 - 10);
    expect(computeWindow({ ...base, count: 5 })).toMatchObject({ start: 0, end: 5, height: 120 });
    expect(computeWindow({ ...base, count: 0 })).toMatchObject({ start: 0, end: 0, height: 0 });
  });

  it('scales the scrollbar past the browser height limit and still reaches the last row', () => {
    const input = { ...base, count: 10_000_000, maxHeight: 1_000_000 };
    const top = computeWindow(input);
    expect(top.height).toBe(1_000_000);
    const bottomScroll = 1_000_000 - 480;
    const bottom = computeWindow({ ...input, scrollTop: bottomScroll });
    expect(bottom.end).toBe(10_000_000);
    // The last row sits at the bottom edge of the viewport.
    expect(rowTop(9_999_999, bottomScroll, bottom, 24) + 24).toBeCloseTo(bottomScroll + 480, 6);
    const middle = computeWindow({ ...input, scrollTop: bottomScroll / 2 });
    expect(middle.start).toBeGreaterThan(4_990_000);
    expect(middle.end).toBeLessThan(5_010_000);
  });
});

describe('scrollTopForRow', () => {
  it('leaves the scroll alone when the row is already visible', () => {
    expect(scrollTopForRow(5, { ...base, scrollTop: 0 })).toBe(0);
  });

  it('scrolls down just enough to show a row below the viewport', () => {
    expect(scrollTopForRow(20, { ...base, scrollTop: 0 })).toBe(21 * 24 - 480);
  });

  it('scrolls up to put a row above the viewport at the top', () => {
    expect(scrollTopForRow(3, { ...base, scrollTop: 2400 })).toBe(72);
  });

  it('maps back through the scaled scrollbar', () => {
    const input = { ...base, count: 10_000_000, maxHeight: 1_000_000 };
    const target = scrollTopForRow(5_000_000, input);
    const w = computeWindow({ ...input, scrollTop: target });
    const top = rowTop(5_000_000, target, w, 24);
    expect(top).toBeGreaterThanOrEqual(target - 1e-6);
    expect(top + 24).toBeLessThanOrEqual(target + 480 + 1e-6);
  });
});

describe('pagesForRange', () => {
  it('lists the pages a row range touches', () => {
    expect(pagesForRange(0, 30, 200)).toEqual([0]);
    expect(pagesForRange(190, 230, 200)).toEqual([0, 1]);
    expect(pagesForRange(400, 400, 200)).toEqual([]);
    expect(pagesForRange(999_990, 1_000_000, 200)).toEqual([4999]);
  });
});
