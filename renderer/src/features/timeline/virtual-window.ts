// Arithmetic of a virtualized list with fixed row height. Pure, so it is unit-tested.
//
// The scrollable body is count * rowHeight tall. Browsers cap element height (Chromium at
// ~33.5M px), so past maxHeight the scrollbar is scaled: scrollTop maps proportionally onto
// the "virtual" offset into the full list, and rows are positioned relative to that.

/** Below Chromium's ~33.5M px layout limit; 1M rows x 24 px (24M px) still map 1:1. */
export const MAX_SCROLL_HEIGHT = 30_000_000;

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
  maxHeight?: number;
}

export interface VirtualWindow {
  /** First row to render (overscan included). */
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Height to give the scroll body. */
  height: number;
  /** Offset into the full (unscaled) list at the top of the viewport. */
  offset: number;
}

function scaledHeight(count: number, rowHeight: number, maxHeight: number): number {
  return Math.min(count * rowHeight, maxHeight);
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** The virtual offset shown at the top of the viewport for a given scrollTop. */
export function offsetForScrollTop(input: WindowInput): number {
  const { scrollTop, viewportHeight, rowHeight, count, maxHeight = MAX_SCROLL_HEIGHT } = input;
  const full = count * rowHeight;
  const height = scaledHeight(count, rowHeight, maxHeight);
  const fullRange = Math.max(0, full - viewportHeight);
  const scrollRange = Math.max(0, height - viewportHeight);
  const top = clamp(scrollTop, 0, scrollRange);
  if (height === full || scrollRange === 0) return top;
  return (top / scrollRange) * fullRange;
}

export function computeWindow(input: WindowInput): VirtualWindow {
  const { viewportHeight, rowHeight, count, overscan, maxHeight = MAX_SCROLL_HEIGHT } = input;
  const offset = offsetForScrollTop(input);
  const first = Math.floor(offset / rowHeight);
  const last = Math.ceil((offset + viewportHeight) / rowHeight);
  return {
    start: clamp(first - overscan, 0, count),
    end: clamp(last + overscan, 0, count),
    height: scaledHeight(count, rowHeight, maxHeight),
    offset,
  };
}

/** Where row `index` goes inside the scroll body (what to translate it by). */
export function rowTop(index: number, scrollTop: number, window: VirtualWindow, rowHeight: number): number {
  // Unscaled, offset === scrollTop and this is index * rowHeight.
  return scrollTop + index * rowHeight - window.offset;
}

/** The scrollTop that brings row `index` fully into view, changing as little as possible. */
export function scrollTopForRow(index: number, input: WindowInput): number {
  const { viewportHeight, rowHeight, count, maxHeight = MAX_SCROLL_HEIGHT } = input;
  const offset = offsetForScrollTop(input);
  const top = index * rowHeight;
  let target = offset;
  if (top < offset) target = top;
  else if (top + rowHeight > offset + viewportHeight) target = top + rowHeight - viewportHeight;
  else return input.scrollTop;
  const full = count * rowHeight;
  const height = scaledHeight(count, rowHeight, maxHeight);
  if (height === full) return target;
  const fullRange = Math.max(1, full - viewportHeight);
  return (target / fullRange) * Math.max(0, height - viewportHeight);
}

/** Page numbers covering rows [start, end). */
export function pagesForRange(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const pages: number[] = [];
  for (let page = Math.floor(start / pageSize); page <= Math.floor((end - 1) / pageSize); page++) {
    pages.push(page);
  }
  return pages;
}
