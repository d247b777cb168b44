// After a crash: an ingest that was journaled as started but whose evidence row never reached
// the case file is recorded as incomplete, with a registry row saying so, so the examiner
// sees it and can remove it (evidence.removed) or ingest the file again.
import { applyEntry } from './apply';
import { GENESIS_HASH } from './chain';
import type { CaseSession } from './session';

const SETTLED = new Set(['evidence.incomplete', 'evidence.removed', 'ingest.failed']);

export function recoverInterruptedIngests(session: CaseSession): void {
  const started = new Map<string, Record<string, unknown>>();
  for (const e of session.entries()) {
    if (e.action !== 'ingest.started' && !SETTLED.has(e.action)) continue;
    const d = JSON.parse(e.details) as Record<string, unknown>;
    const ingestId = String(d.ingestId ?? '');
    if (e.action === 'ingest.started') started.set(ingestId, d);
    else started.delete(ingestId);
  }
  for (const [ingestId, d] of started) {
    if (session.store.scalar('SELECT 1 FROM evidence WHERE ingest_id = ?', [ingestId]) !== null) continue;
    const details = { ...d, ingestId, reason: 'the ingest was interrupted before the case was saved' };
    if (!session.readOnly) session.record('evidence.incomplete', details);
    else {
      // An inspecting reader shows the same registry a writer would, without recording.
      const time = new Date().toISOString();
      applyEntry(session.store, { id: 0, time, examiner: '', workstation: '', version: '', action: 'evidence.incomplete', details: JSON.stringify(details), prev_hash: GENESIS_HASH, entry_hash: GENESIS_HASH });
    }
  }
}
