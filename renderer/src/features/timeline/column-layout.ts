// The grid's column layout as data: which columns show, in which order, how wide, which are
// pinned to the left. Pure functions, so every rearrangement is unit-tested; the hook that
// remembers a layout per source family is use-column-layout.ts.
import type { SourceFamily } from './source-family';
import { columnById, TIMELINE_COLUMNS, type TimelineColumn } from './timeline-columns';

export interface ColumnLayout {
  /** Visible columns, left to right (pinned ones are drawn first whatever their place here). */
  order: string[];
  widths: Record<string, number>;
  pinned: string[];
  /** The column that stretches to fill the pane. */
  flex: string;
}

/**
 * Default columns per family. The mixed layout is sized to fit the centre pane of a 1,366 px
 * window with both side panes open (about 820 px) without a horizontal scrollbar.
 */
const DEFAULTS: Record<SourceFamily, string[]> = {
  mixed: ['time', 'host', 'category', 'action', 'process_name', 'dst', 'message'],
  proxy: ['time', 'src_ip', 'user', 'action', 'http_status', 'url'],
  firewall: ['time', 'src_ip', 'dst', 'action', 'host', 'message'],
  edr: ['time', 'host', 'user', 'action', 'process_name', 'process_command_line'],
  windows: ['time', 'host', 'user', 'action', 'process_name', 'message'],
  webserver: ['time', 'src_ip', 'action', 'http_status', 'url', 'user'],
  network: ['time', 'src_ip', 'dst', 'action', 'url'],
};

const FLEX: Record<SourceFamily, string> = {
  mixed: 'message',
  proxy: 'url',
  firewall: 'message',
  edr: 'process_command_line',
  windows: 'message',
  webserver: 'url',
  network: 'url',
};

export function defaultLayout(family: SourceFamily): ColumnLayout {
  return { order: [...DEFAULTS[family]], widths: {}, pinned: [], flex: FLEX[family] };
}

/** A stored layout, checked: unknown columns dropped, nothing visible falls back to the default. */
export function sanitizeLayout(value: unknown, family: SourceFamily): ColumnLayout {
  const fallback = defaultLayout(family);
  if (!value || typeof value !== 'object') return fallback;
  const v = value as Partial<ColumnLayout>;
  const known = (id: unknown): id is string => typeof id === 'string' && columnById(id) !== undefined;
  const order = Array.isArray(v.order) ? [...new Set(v.order.filter(known))] : [];
  if (order.length === 0) return fallback;
  const widths: Record<string, number> = {};
  for (const [id, w] of Object.entries(v.widths ?? {})) {
    if (known(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = clampWidth(id, w);
  }
  const pinned = Array.isArray(v.pinned) ? v.pinned.filter((id) => known(id) && order.includes(id)) : [];
  const flex = known(v.flex) ? v.flex : fallback.flex;
  return { order, widths, pinned, flex };
}

const MAX_WIDTH = 1200;

function clampWidth(id: string, width: number): number {
  const min = columnById(id)?.min ?? 40;
  return Math.round(Math.max(min, Math.min(MAX_WIDTH, width)));
}

export function widthOf(layout: ColumnLayout, id: string): number {
  return layout.widths[id] ?? columnById(id)?.width ?? 120;
}

/** The visible columns as drawn: pinned first (in their order), then the rest. */
export function visibleColumns(layout: ColumnLayout): TimelineColumn[] {
  // Pinned columns in the order they were pinned: the first pinned is the leftmost.
  const pinned = layout.pinned.filter((id) => layout.order.includes(id));
  const rest = layout.order.filter((id) => !layout.pinned.includes(id));
  return [...pinned, ...rest].map((id) => columnById(id)).filter((c): c is TimelineColumn => c !== undefined);
}

/** Columns the chooser lists as hidden, in catalogue order. */
export function hiddenColumns(layout: ColumnLayout): TimelineColumn[] {
  return TIMELINE_COLUMNS.filter((c) => !layout.order.includes(c.id));
}

/**
 * CSS grid-template-columns for the header and every row: the category stripe, then each
 * column; the flex column (if shown and not resized by hand) takes the rest of the pane.
 */
export function gridTemplate(layout: ColumnLayout, stripe: number): string {
  const cols = visibleColumns(layout).map((c) =>
    c.id === layout.flex && layout.widths[c.id] === undefined ? `minmax(${c.width}px, 1fr)` : `${widthOf(layout, c.id)}px`,
  );
  return [`${stripe}px`, ...cols].join(' ');
}

/** The narrowest the grid can be without a horizontal scrollbar. */
export function minimumWidth(layout: ColumnLayout, stripe: number): number {
  return visibleColumns(layout).reduce((sum, c) => sum + widthOf(layout, c.id), stripe);
}

/** Left offsets of the pinned columns (for position: sticky). */
export function pinnedOffsets(layout: ColumnLayout, stripe: number): Map<string, number> {
  const out = new Map<string, number>();
  let left = stripe;
  for (const c of visibleColumns(layout)) {
    if (!layout.pinned.includes(c.id)) break;
    out.set(c.id, left);
    left += widthOf(layout, c.id);
  }
  return out;
}

export function resize(layout: ColumnLayout, id: string, width: number): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [id]: clampWidth(id, width) } };
}

/** Moves a visible column by `delta` places among the drawn columns (keyboard reorder). */
export function move(layout: ColumnLayout, id: string, delta: number): ColumnLayout {
  const drawn = visibleColumns(layout).map((c) => c.id);
  const from = drawn.indexOf(id);
  if (from < 0) return layout;
  const to = Math.max(0, Math.min(drawn.length - 1, from + delta));
  if (to === from) return layout;
  drawn.splice(from, 1);
  drawn.splice(to, 0, id);
  return { ...layout, order: drawn };
}

/** Puts `id` where `before` is (drag and drop); `before` null means at the end. */
export function moveBefore(layout: ColumnLayout, id: string, before: string | null): ColumnLayout {
  if (id === before) return layout;
  const drawn = visibleColumns(layout).map((c) => c.id).filter((c) => c !== id);
  const at = before === null ? drawn.length : drawn.indexOf(before);
  if (at < 0) return layout;
  drawn.splice(at, 0, id);
  return { ...layout, order: drawn };
}

export function hide(layout: ColumnLayout, id: string): ColumnLayout {
  if (layout.order.length <= 1) return layout; // an empty grid tells the analyst nothing
  return { ...layout, order: layout.order.filter((c) => c !== id), pinned: layout.pinned.filter((c) => c !== id) };
}

export function show(layout: ColumnLayout, id: string): ColumnLayout {
  if (layout.order.includes(id) || !columnById(id)) return layout;
  return { ...layout, order: [...layout.order, id] };
}

export function togglePin(layout: ColumnLayout, id: string): ColumnLayout {
  if (!layout.order.includes(id)) return layout;
  const pinned = layout.pinned.includes(id) ? layout.pinned.filter((c) => c !== id) : [...layout.pinned, id];
  return { ...layout, pinned };
}
