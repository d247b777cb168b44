// The lines around an event in its evidence file: the neighbouring records as the source
// wrote them (read back by their byte ranges, as the detail panel reads the event's own), and
// any rejected records among them, in line order.
import type { CodedText } from '../../common/coded-text';
import type { NeighbourLine, NeighbourResult } from '../../common/investigate';
import type { CaseStore } from '../store/case-store';
import { eventDetail } from '../ingest/original-record';
import { rejectReasonCode } from '../ingest/reject-codes';

const MAX_AROUND = 50;
const MAX_LINE_CHARS = 4000;

export function neighbours(store: CaseStore, eventId: number, around = 5): NeighbourResult {
  const e = store.all<{ evidence_id: number; source_line: number }>('SELECT evidence_id, source_line FROM event_row WHERE id = ?', [eventId])[0];
  if (!e) throw new Error(`no event #${eventId}`);
  const k = Math.max(1, Math.min(MAX_AROUND, Math.floor(around) || 5));
  const file = String(store.scalar('SELECT path FROM evidence WHERE id = ?', [e.evidence_id]));
  // k records either side by line number (a record may span lines; one line may hold many).
  const before = store.all<{ id: number; source_line: number }>(
    'SELECT id, source_line FROM event_row WHERE evidence_id = ? AND (source_line < ? OR (source_line = ? AND id < ?)) ORDER BY source_line DESC, id DESC LIMIT ?',
    [e.evidence_id, e.source_line, e.source_line, eventId, k],
  );
  const after = store.all<{ id: number; source_line: number }>(
    'SELECT id, source_line FROM event_row WHERE evidence_id = ? AND (source_line > ? OR (source_line = ? AND id > ?)) ORDER BY source_line, id LIMIT ?',
    [e.evidence_id, e.source_line, e.source_line, eventId, k],
  );
  const rows = [...before.reverse(), { id: eventId, source_line: e.source_line }, ...after];
  const lines: NeighbourLine[] = [];
  let problem: string | undefined;
  let problemCode: CodedText | undefined;
  for (const r of rows) {
    const d = eventDetail(store, r.id);
    if (d.original === null && problem === undefined) {
      problem = d.originalUnavailableReason;
      problemCode = d.originalUnavailableReason_code;
    }
    lines.push({ line: r.source_line, eventId: r.id, text: clip(d.original ?? ''), current: r.id === eventId });
  }
  const lo = rows[0]!.source_line;
  const hi = rows[rows.length - 1]!.source_line;
  for (const rej of store.all<{ line: number; reason: string; raw: string }>(
    'SELECT line, reason, raw FROM rejected_record WHERE evidence_id = ? AND line BETWEEN ? AND ? ORDER BY line LIMIT 100',
    [e.evidence_id, lo, hi],
  )) {
    const code = rejectReasonCode(rej.reason);
    lines.push({ line: rej.line, eventId: null, text: clip(rej.raw), current: false, rejected: rej.reason, ...(code ? { rejected_code: code } : {}) });
  }
  lines.sort((a, b) => a.line - b.line || (a.eventId ?? 0) - (b.eventId ?? 0));
  return { eventId, file, lines, ...(problem ? { problem } : {}), ...(problem && problemCode ? { problem_code: problemCode } : {}) };
}

/** Shortens a long record without splitting a surrogate pair. */
export function clip(text: string, max = MAX_LINE_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
