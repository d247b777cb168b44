// The plain CSV: every confirmed indicator, one row each, with its source events, who confirmed
// it and when. Cells a spreadsheet would run as a formula are neutralized (csvCell).
import { csvCell } from '../../export/csv-cell';
import type { ContainmentInput, ContainmentOutput } from './types';

export const CSV_COLUMNS = ['type', 'value', 'port', 'source', 'first_seen', 'last_seen', 'hosts', 'event_ids', 'confirmed_by', 'confirmed_at', 'comment', 'case'] as const;

export function csvList(input: ContainmentInput): ContainmentOutput {
  const rows = [CSV_COLUMNS.join(',')];
  for (const i of input.indicators) {
    rows.push(
      [i.type, i.value, i.port, i.source, i.first_seen, i.last_seen, i.hosts.join(' '), i.event_ids.join(' '), i.confirmed.examiner, i.confirmed.time, i.confirmed.comment, input.case.name]
        .map(csvCell)
        .join(','),
    );
  }
  return { text: `${rows.join('\r\n')}\r\n`, skipped: [] };
}
