// The evidence registry's calls: list, rejected records, edits with history, clock skew,
// removal, verification of the originals, and the custody log itself.
import { editEvidence, removeEvidence } from '../custody/actions';
import { skewEvidence } from '../custody/skew';
import { verifyEvidence } from '../custody/verify-evidence';
import type { RejectedRecord } from '../../common/schema';
import { withRejectCodes } from '../ingest/reject-codes';
import { listEvidence, readEvidence } from '../store/evidence-registry';
import type { HandlerContext, HandlerImpl } from './context';

export type EvidenceMethod =
  | 'evidence.list'
  | 'evidence.rejects'
  | 'evidence.edit'
  | 'evidence.skew'
  | 'evidence.history'
  | 'evidence.remove'
  | 'evidence.verify'
  | 'custody.log';

export function createEvidenceHandlers(ctx: HandlerContext): Pick<HandlerImpl, EvidenceMethod> {
  return {
    'evidence.list': async () => listEvidence(ctx.session().store),
    'evidence.rejects': async (args) =>
      withRejectCodes(ctx.session().store.all<RejectedRecord>(
        // A keyset page in line order: the records after `after` (never OFFSET).
        'SELECT id, evidence_id, line, reason, raw FROM rejected_record WHERE evidence_id = ? AND (line, id) > (?, ?) ORDER BY line, id LIMIT ?',
        [Number(args.evidenceId), Number(args.after?.line ?? -1), Number(args.after?.id ?? -1), Math.min(Number(args.limit) || 100, 1000)],
      )),
    'evidence.edit': (args) =>
      ctx.act((session) => {
        editEvidence(session, Number(args.evidenceId), args.changes ?? {});
        return readEvidence(session.store, Number(args.evidenceId));
      }),
    'evidence.skew': (args) =>
      ctx.act((session) => {
        skewEvidence(session, Number(args.evidenceId), Number(args.skewMs), String(args.reason ?? ''));
        ctx.changed();
        return readEvidence(session.store, Number(args.evidenceId));
      }),
    'evidence.history': async (args) =>
      ctx.session().store.all('SELECT * FROM evidence_edit WHERE evidence_id = ? ORDER BY id', [Number(args.evidenceId)]),
    'evidence.remove': (args) =>
      ctx.act((session) => {
        removeEvidence(session, Number(args.evidenceId));
        ctx.changed();
        return { removed: Number(args.evidenceId) };
      }),
    'evidence.verify': () =>
      ctx.serial(async () => {
        const session = ctx.session();
        // A reviewer has the package, not the original paths: the originals are judged there.
        const review = ctx.current();
        if (review) return review.evidenceVerification();
        const results = await verifyEvidence(session.store);
        if (!session.readOnly) {
          session.record('verification.run', { results: results.map((r) => ({ evidenceId: r.evidenceId, status: r.status, sha256: r.actualSha256 ?? null })) });
          ctx.scheduleCheckpoint();
        }
        return results;
      }),
    'custody.log': async () => {
      const session = ctx.session();
      return { status: session.chain, entries: session.entries() };
    },
  };
}
