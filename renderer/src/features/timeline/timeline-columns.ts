import type { EventRow } from '../../contracts';

export interface TimelineColumn {
  id: string;
  label: string;
  /** Pixel width; null for the one column that takes the remaining space. */
  width: number | null;
  text(row: EventRow): string;
}

function field(value: string | number | null): string {
  return value === null ? '' : String(value);
}

/** "10.0.0.5:443", "[2001:db8::1]:443", or just the address/port that is known. */
export function endpoint(ip: string | number | null, port: string | number | null): string {
  const address = field(ip);
  if (port === null) return address;
  const host = address.includes(':') ? `[${address}]` : address;
  return `${host}:${port}`;
}

export const TIMELINE_COLUMNS: readonly TimelineColumn[] = [
  { id: 'time', label: 'Time (UTC)', width: 200, text: (r) => field(r.time) },
  { id: 'host', label: 'Host', width: 140, text: (r) => field(r.host) },
  { id: 'user', label: 'User', width: 130, text: (r) => field(r.user) },
  { id: 'category', label: 'Category', width: 80, text: (r) => field(r.category) },
  { id: 'action', label: 'Action', width: 110, text: (r) => field(r.action) },
  { id: 'process_name', label: 'Process', width: 140, text: (r) => field(r.process_name) },
  { id: 'src_ip', label: 'Source IP', width: 120, text: (r) => field(r.src_ip) },
  { id: 'dst', label: 'Destination', width: 160, text: (r) => endpoint(r.dst_ip, r.dst_port) },
  { id: 'url', label: 'URL / domain', width: 260, text: (r) => field(r.url ?? r.domain) },
  { id: 'message', label: 'Message', width: null, text: (r) => field(r.message) },
];

const FLEX_MIN_WIDTH = 320;

/** CSS grid-template-columns shared by the header and every row. */
export const TIMELINE_GRID = TIMELINE_COLUMNS.map((c) =>
  c.width === null ? `minmax(${FLEX_MIN_WIDTH}px, 1fr)` : `${c.width}px`,
).join(' ');

export const TIMELINE_MIN_WIDTH = TIMELINE_COLUMNS.reduce(
  (sum, c) => sum + (c.width ?? FLEX_MIN_WIDTH),
  0,
);
