// The Timeline sheet: every event (or the current filter's), streamed from the case row by row.
import type ExcelJS from 'exceljs';
import type { EventFilter } from '../../../common/protocol';
import type { CaseStore } from '../../store/case-store';
import { forEachTimelineRow, TIMELINE_COLUMNS, type TimelineColumn } from '../timeline-rows';
import { addSheet, type ColumnSpec } from './sheet';

const WIDTH: Partial<Record<TimelineColumn, number>> = {
  id: 10,
  time: 24,
  time_original: 24,
  time_raw: 26,
  time_zone: 18,
  host: 18,
  user: 18,
  category: 10,
  action: 16,
  process_name: 18,
  process_path: 40,
  process_command_line: 60,
  parent_process_name: 18,
  parent_process_command_line: 50,
  process_hash: 40,
  process_guid: 38,
  parent_process_guid: 38,
  src_ip: 16,
  dst_ip: 16,
  url: 50,
  domain: 28,
  file_path: 40,
  file_hash: 40,
  registry_path: 40,
  message: 60,
  extra: 40,
  tags: 20,
  evidence_name: 24,
  evidence_sha256: 66,
  source_file: 40,
  source_format: 18,
};

const DATE_COLUMNS = new Set<TimelineColumn>(['time', 'time_original']);
const NUMBER_COLUMNS = new Set<TimelineColumn>([
  'id',
  'host_resolved',
  'process_pid',
  'src_port',
  'dst_port',
  'http_status',
  'bytes_in',
  'bytes_out',
  'duration_ms',
  'evidence_id',
  'source_line',
  'source_offset',
  'source_length',
]);

function header(c: TimelineColumn): string {
  if (c === 'time') return 'time (UTC)';
  if (c === 'time_original') return 'time_original (UTC)';
  return c;
}

export const TIMELINE_SPECS: ColumnSpec[] = TIMELINE_COLUMNS.map((c) => ({
  header: header(c),
  width: WIDTH[c] ?? (NUMBER_COLUMNS.has(c) ? 10 : 14),
  kind: DATE_COLUMNS.has(c) ? 'date' : NUMBER_COLUMNS.has(c) ? 'number' : 'text',
}));

export async function writeTimelineSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  store: CaseStore,
  filter: EventFilter | undefined,
): Promise<number> {
  const sheet = addSheet(wb, name, TIMELINE_SPECS);
  const rows = await forEachTimelineRow(store, filter, (values) => sheet.add(values));
  sheet.commit();
  return rows;
}
