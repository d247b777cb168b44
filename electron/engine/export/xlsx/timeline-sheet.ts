// The Timeline sheet: every event (or the current filter's), streamed from the case row by row.
// Past Excel's 1,048,575 data rows the timeline goes on in "Timeline (2)", "Timeline (3)"…, each
// with its own header, so nothing is cut.
import type { EventFilter } from '../../../common/protocol';
import type { CaseStore } from '../../store/case-store';
import { forEachTimelineRow, TIMELINE_COLUMNS, type TimelineColumn } from '../timeline-rows';
import { MAX_SHEET_ROWS, type ColumnSpec } from './sheet';
import type { XlsxPackage } from './xlsx-package';

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

const TIMELINE_SPECS: ColumnSpec[] = TIMELINE_COLUMNS.map((c) => ({
  header: header(c),
  width: WIDTH[c] ?? (NUMBER_COLUMNS.has(c) ? 10 : 14),
  kind: DATE_COLUMNS.has(c) ? 'date' : NUMBER_COLUMNS.has(c) ? 'number' : 'text',
}));

export async function writeTimelineSheet(
  wb: XlsxPackage,
  name: string,
  store: CaseStore,
  filter: EventFilter | undefined,
  rowsPerSheet = MAX_SHEET_ROWS - 1,
): Promise<number> {
  let part = 1;
  let sheet = wb.addSheet(name, TIMELINE_SPECS);
  const nextSheet = async (): Promise<void> => {
    await sheet.commit();
    sheet = wb.addSheet(`${name} (${++part})`, TIMELINE_SPECS);
  };
  // Synchronous for all but the row that starts a sheet: no promise per row unless the output
  // asks to wait.
  const rows = await forEachTimelineRow(store, filter, (values) =>
    sheet.count >= rowsPerSheet ? nextSheet().then(() => sheet.add(values)) : sheet.add(values),
  );
  await sheet.commit();
  return rows;
}
