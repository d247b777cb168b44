// Every custody action this version of Tracelight writes and reads, with the shape of its
// details. The log is replayed exactly only if every action in it is known here: an action
// missing from CUSTODY_ACTIONS was written by a newer Tracelight, and a case holding one opens
// read-only (custody/session.ts) instead of being silently rebuilt without its effect.
// Adding an action: one line in CustodyActionDetails and one in CUSTODY_ACTIONS; an action
// whose kind is 'state' registers its replay effect from its feature (custody/effects.ts).
import type { CustodyLogEntry } from './custody';

type Change = { old: string | null; new: string | null };
/** Details of a record-only action: what happened, for the reader of the log. */
type Record_ = Record<string, unknown>;

export interface CustodyActionDetails {
  'case.created': { caseId: string; name: string; timezone: string };
  'case.opened': { readOnly: boolean };
  'case.edited': { changes: Record<string, Change> };
  'examiner.set': { name: string; previous: string; previousSource: string };
  'tag.added': { eventId: number; label: string };
  'tag.removed': { tagId: number; eventId: number; label: string };
  'note.added': { eventId: number; text: string };
  'note.edited': { noteId: number; eventId: number; previous: string; text: string };
  'evidence.edited': { evidenceId: number; changes: Record<string, Change> };
  'evidence.removed': { evidenceId: number; name: string; ingestId: string | null; status: string };
  'evidence.skew': { evidenceId: number; skewMs: number; previousSkewMs: number; reason: string };
  'evidence.incomplete': Record_ & { ingestId: string; path?: string; name?: string; size?: number; mtime?: string; timezone?: string; reason: string };
  'ingest.started': Record_ & { ingestId: string; path: string; name: string };
  'ingest.failed': { ingestId: string; path: string; name: string; reason: string };
  'ingest.cancelled': { ingestId: string; path: string; name: string; reason: string };
  'evidence.added': Record_;
  'evidence.parsed': Record_;
  'evidence.entry-skipped': { ingestId: string; parentId: number; entry: string; status: string; reason?: string };
  'verification.run': { results: { evidenceId: number; status: string; sha256: string | null }[] };
  'detection.run': Record_;
  'finding.reviewed': {
    findingId: string;
    rule: string;
    title: string | null;
    host: string | null;
    severity: string;
    verdict: 'confirmed' | 'dismissed';
    comment: string | null;
    eventIds: number[];
  };
  'ioc.added': { name: string; sha256: string; size: number };
  'mapping.saved': { name: string; signature: string; format: string; mapping: unknown };
  'export.created': Record_;
  // Investigation (engine/investigate/): many events tagged at once, a reply in a comment thread.
  'tag.bulkAdded': Record_ & { label: string; eventIds: number[] };
  'note.replied': { eventId: number; parentId: number; text: string };
  // Saved searches of the workspace's query bar (custody/saved-searches.ts).
  'search.saved': { name: string; query: string };
  'search.deleted': { searchId: number; name: string; query: string };
  // The case assistant (engine/assist/): each question with the SQL that ran, an accepted summary.
  'assist.asked': Record_;
  'assist.summary.accepted': Record_;
  // The incident record (engine/incident/): phase, severity, assets, tasks, confirmed indicators.
  'incident.phase.set': Record_;
  'incident.severity.set': Record_;
  'incident.asset.set': Record_;
  'incident.task.set': Record_;
  'incident.task.added': Record_;
  'incident.indicator.confirmed': Record_;
  'incident.indicator.withdrawn': Record_;
}

export type CustodyAction = keyof CustodyActionDetails;

/** 'state': replaying it changes the case (an effect is registered); 'record': it only tells. */
export type CustodyActionKind = 'state' | 'record';

export const CUSTODY_ACTIONS = {
  'case.created': 'record',
  'case.opened': 'record',
  'case.edited': 'state',
  'examiner.set': 'record',
  'tag.added': 'state',
  'tag.removed': 'state',
  'note.added': 'state',
  'note.edited': 'state',
  'evidence.edited': 'state',
  'evidence.removed': 'state',
  'evidence.skew': 'state',
  'evidence.incomplete': 'state',
  'ingest.started': 'record',
  'ingest.failed': 'record',
  'ingest.cancelled': 'record',
  'evidence.added': 'record',
  'evidence.parsed': 'record',
  'evidence.entry-skipped': 'record',
  'verification.run': 'record',
  'detection.run': 'record',
  'finding.reviewed': 'state',
  'ioc.added': 'state',
  'mapping.saved': 'state',
  'export.created': 'record',
  'assist.asked': 'record',
  'assist.summary.accepted': 'record',
  'search.saved': 'state',
  'search.deleted': 'state',
  'tag.bulkAdded': 'state',
  'note.replied': 'state',
  'incident.phase.set': 'state',
  'incident.severity.set': 'state',
  'incident.asset.set': 'state',
  'incident.task.set': 'state',
  'incident.task.added': 'state',
  'incident.indicator.confirmed': 'state',
  'incident.indicator.withdrawn': 'state',
} as const satisfies Record<CustodyAction, CustodyActionKind>;

export function isKnownAction(action: string): action is CustodyAction {
  return Object.prototype.hasOwnProperty.call(CUSTODY_ACTIONS, action);
}

/** One custody entry with its details decoded, discriminated by its action. */
export type JournalEntry = {
  [A in CustodyAction]: Omit<CustodyLogEntry, 'action' | 'details'> & { action: A; details: CustodyActionDetails[A] };
}[CustodyAction];

export type JournalEntryOf<A extends CustodyAction> = Extract<JournalEntry, { action: A }>;
