// An examiner's correction to detection: a finding confirmed or dismissed, as one custody
// entry (finding.reviewed). The entry carries everything a reader of the log needs without
// the detection run at hand (rule, title, host, the events), and applyFindingReviewed turns
// it into a finding_review row, when it is made and when the journal is replayed.
import type { FindingReviewRecord, ReviewVerdict } from '../../common/detect-review';
import type { Finding, FindingReview } from '../../common/detect';
import { ActionError } from '../custody/actions';
import { registerReplayEffect } from '../custody/effects';
import type { CaseSession } from '../custody/session';
import type { CaseStore } from '../store/case-store';

const MAX_COMMENT = 4096;
const VERDICTS: readonly ReviewVerdict[] = ['confirmed', 'dismissed'];

function normalizeComment(comment: unknown): string | null {
  if (comment === undefined || comment === null) return null;
  const text = String(comment).normalize('NFC').trim();
  if (text.length > MAX_COMMENT) throw new ActionError(`a review comment has at most ${MAX_COMMENT} characters`);
  return text || null;
}

/** Validates, then records one finding.reviewed entry; returns the review as stored. */
export function reviewFinding(session: CaseSession, finding: Finding, verdict: unknown, comment?: unknown): FindingReviewRecord {
  session.requireWritable();
  if (!VERDICTS.includes(verdict as ReviewVerdict)) throw new ActionError(`a verdict is "confirmed" or "dismissed", not "${String(verdict)}"`);
  const entry = session.record('finding.reviewed', {
    findingId: finding.id,
    rule: finding.rule,
    title: finding.title,
    host: finding.host,
    severity: finding.severity,
    verdict: verdict as ReviewVerdict,
    comment: normalizeComment(comment),
    eventIds: finding.event_ids,
  });
  return readReview(session.store, entry.id)!;
}

registerReplayEffect('finding.reviewed', (store, e) => {
  const d = e.details;
  store.db.run(
    `INSERT OR IGNORE INTO finding_review (id, finding_id, rule, title, host, verdict, comment, event_ids, examiner, time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.id,
      String(d.findingId),
      String(d.rule),
      d.title === null || d.title === undefined ? null : String(d.title),
      d.host === null || d.host === undefined ? null : String(d.host),
      String(d.verdict),
      d.comment === null || d.comment === undefined ? null : String(d.comment),
      JSON.stringify(Array.isArray(d.eventIds) ? d.eventIds.map(Number) : []),
      e.examiner,
      e.time,
    ],
  );
});

interface ReviewRow {
  id: number;
  finding_id: string;
  rule: string;
  title: string | null;
  host: string | null;
  verdict: string;
  comment: string | null;
  event_ids: string;
  examiner: string;
  time: string;
}

function toRecord(r: ReviewRow): FindingReviewRecord {
  return {
    id: r.id,
    finding_id: r.finding_id,
    rule: r.rule,
    title: r.title,
    host: r.host,
    verdict: r.verdict as ReviewVerdict,
    comment: r.comment,
    event_ids: JSON.parse(r.event_ids) as number[],
    examiner: r.examiner,
    time: r.time,
  };
}

function readReview(store: CaseStore, id: number): FindingReviewRecord | null {
  const row = store.all<ReviewRow>('SELECT * FROM finding_review WHERE id = ?', [id])[0];
  return row ? toRecord(row) : null;
}

/** Every review ever recorded, oldest first (a changed verdict keeps the earlier one). */
export function listReviews(store: CaseStore): FindingReviewRecord[] {
  return store.all<ReviewRow>('SELECT * FROM finding_review ORDER BY id').map(toRecord);
}

/** The verdict in force per finding id (its latest review): what detection runs take as `reviews`. */
export function loadReviews(store: CaseStore): Map<string, FindingReview> {
  const out = new Map<string, FindingReview>();
  for (const r of listReviews(store)) {
    out.set(r.finding_id, { verdict: r.verdict, examiner: r.examiner, time: r.time, comment: r.comment });
  }
  return out;
}
