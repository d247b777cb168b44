// Ingest with custody around it: ingest.started is journaled before the first byte is read,
// so a crash mid-ingest is found on the next open; evidence.added and evidence.parsed follow
// with the digests and counts; the case is then saved. The streaming pass is untouched.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Acquisition } from '../../common/custody';
import type { EvidenceSummary } from '../../common/schema';
import { ingestFile, type IngestOptions } from '../ingest/file-ingest';
import { readEvidence } from '../store/evidence-registry';
import type { CaseSession } from './session';


export async function ingestWithCustody(
  session: CaseSession,
  opts: IngestOptions & { acquisition?: Acquisition },
): Promise<EvidenceSummary> {
  session.requireWritable();
  const ingestId = randomUUID();
  const file = path.resolve(opts.path);
  const name = opts.displayName ?? path.basename(file);
  let size: number | null = null;
  let mtime: string | null = null;
  try {
    const st = statSync(file);
    size = st.size;
    mtime = st.mtime.toISOString();
  } catch {
    /* ingestFile reports the reason */
  }
  session.record('ingest.started', { ingestId, path: file, name, size, mtime, timezone: opts.timezone });
  let ev: EvidenceSummary;
  try {
    ev = await ingestFile(session.store, opts);
  } catch (err) {
    session.record('ingest.failed', { ingestId, path: file, name, reason: (err as Error).message });
    session.checkpoint();
    throw err;
  }
  const exhibit = nextExhibit(session);
  const acq = cleanAcquisition(opts.acquisition);
  session.store.db.run(
    'UPDATE evidence SET ingest_id = ?, exhibit = ?, provided_by = ?, acquired_at = ?, acquired_how = ?, source_host = ? WHERE id = ?',
    [ingestId, exhibit, acq.provided_by ?? null, acq.acquired_at ?? null, acq.acquired_how ?? null, acq.source_host ?? null, ev.id],
  );
  session.record('evidence.added', {
    ingestId,
    evidenceId: ev.id,
    exhibit,
    path: ev.path,
    name: ev.name,
    size: ev.size,
    mtime: ev.mtime,
    sha256: ev.sha256,
    sha1: ev.sha1,
    md5: ev.md5,
    ...acq,
  });
  session.record('evidence.parsed', {
    evidenceId: ev.id,
    format: ev.format,
    encoding: ev.encoding,
    timezone: ev.timezone,
    events: ev.events,
    rejected: ev.rejected,
  });
  session.checkpoint();
  return readEvidence(session.store, ev.id);
}

/** EX-001, EX-002, ...: one more than the highest exhibit number in the case. */
function nextExhibit(session: CaseSession): string {
  const rows = session.store.all<{ exhibit: string }>("SELECT exhibit FROM evidence WHERE exhibit LIKE 'EX-%'");
  const max = rows.reduce((m, r) => Math.max(m, Number(r.exhibit.slice(3)) || 0), 0);
  return `EX-${String(max + 1).padStart(3, '0')}`;
}

/** Only non-empty strings of the known fields: the request comes from a renderer. */
function cleanAcquisition(given: Acquisition | undefined): Acquisition {
  const out: Acquisition = {};
  for (const key of ['provided_by', 'acquired_at', 'acquired_how', 'source_host'] as const) {
    const v = given?.[key];
    if (typeof v === 'string' && v.trim()) out[key] = v.normalize('NFC').trim();
  }
  return out;
}
