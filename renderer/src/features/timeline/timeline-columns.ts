// Every column the grid can show: what it reads from an event, its face and default width.
// Which columns are visible, in which order, how wide and pinned is the layout's business
// (column-layout.ts); the words on the header come from strings.ts (`timeline.col.<id>`).
import type { EventRow } from '../../contracts';

export interface TimelineColumn {
  id: string;
  /** Default width in px. The `flex` column takes what is left, never less than this. */
  width: number;
  min: number;
  /** Times, addresses, ports, hashes, ids, paths and command lines: monospace, tabular figures. */
  mono: boolean;
  /** Values that are often longer than a cell: the popup breaks them for reading. */
  long?: 'command' | 'url' | 'path' | 'text';
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

const col = (id: string, width: number, mono: boolean, text: (r: EventRow) => string, long?: TimelineColumn['long']): TimelineColumn => ({
  id,
  width,
  min: 40,
  mono,
  text,
  ...(long ? { long } : {}),
});

/** The catalogue, in the order a new layout lists hidden columns in the chooser. */
export const TIMELINE_COLUMNS: readonly TimelineColumn[] = [
  col('time', 170, true, (r) => field(r.time)),
  col('host', 104, false, (r) => field(r.host)),
  col('user', 104, false, (r) => field(r.user)),
  col('category', 72, false, (r) => field(r.category)),
  col('action', 88, false, (r) => field(r.action)),
  col('process_name', 108, false, (r) => field(r.process_name)),
  col('process_pid', 64, true, (r) => field(r.process_pid)),
  col('parent_process_name', 116, false, (r) => field(r.parent_process_name)),
  col('process_command_line', 240, true, (r) => field(r.process_command_line), 'command'),
  col('src_ip', 120, true, (r) => field(r.src_ip)),
  col('dst', 136, true, (r) => endpoint(r.dst_ip, r.dst_port)),
  col('url', 240, true, (r) => field(r.url ?? r.domain), 'url'),
  col('http_status', 56, true, (r) => field(r.http_status)),
  col('file_path', 220, true, (r) => field(r.file_path), 'path'),
  col('registry_path', 220, true, (r) => field(r.registry_path), 'path'),
  col('hash', 200, true, (r) => field(r.file_hash ?? r.process_hash)),
  col('source_file', 140, false, (r) => field(r.source_file), 'path'),
  col('message', 130, false, (r) => field(r.message), 'text'),
];

const BY_ID = new Map(TIMELINE_COLUMNS.map((c) => [c.id, c]));

export function columnById(id: string): TimelineColumn | undefined {
  return BY_ID.get(id);
}
