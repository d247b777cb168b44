// Ingest with custody around it: ingest.started is journaled before the first byte is read,
// so a crash mid-ingest is found on the next open; evidence.added and evidence.parsed follow
// with the digests and counts; the case is then saved. The streaming pass is untouched.
import { scopeDetails } from '../ingest/scope/record';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Acquisition } from '../../common/custody';
import type { ZipEntryOutcome } from '../../common/ingest-options';
import type { EvidenceSummary } from '../../common/schema';
import { IngestCancelledError } from '../errors';
import { ingestFile, type IngestOptions } from '../ingest/file-ingest';
import { ingestZip, isZipFile } from './zip-ingest';
import { resolveMapping, type ResolvedMapping } from '../ingest/mapping/resolve-mapping';
import { readEvidence } from '../store/evidence-registry';
import type { CaseSession } from './session';


/** The evidence row; for a .zip, the archive's row and what became of each entry. */
export type IngestedEvidence = EvidenceSummary & { entries?: ZipEntryOutcome[] };

export async function ingestWithCustody(
  session: CaseSession,
  opts: IngestOptions & { acquisition?: Acquisition },
): Promise<IngestedEvidence> {
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
  // A generic format reads with a column mapping: the one given, saved or proposed; the
  // mapping used goes into ingest.started, so the log says how rows became events.
  let mappingError: unknown = null;
  let mapping: ResolvedMapping | null = null;
  try {
    mapping = isZipFile(file) ? null : resolveMapping(session.store, opts);
  } catch (err) {
    mappingError = err;
  }
  if (mapping) opts = { ...opts, format: mapping.format, mapping: mapping.mapping, timezone: mapping.timezone };
  // What the examiner chose instead of detection, so the log says which values were given.
  const chosen = Object.fromEntries(
    Object.entries({
      format: opts.format,
      encoding: opts.encoding,
      baseYear: opts.baseYear,
      mapping: mapping?.mapping,
      mappingOrigin: mapping?.origin,
      scope: opts.scope,
    }).filter(([, v]) => v !== undefined),
  );
  session.record('ingest.started', { ingestId, path: file, name, size, mtime, timezone: opts.timezone, ...chosen });
  let ev: EvidenceSummary;
  try {
    if (mappingError) throw mappingError;
    if (isZipFile(file)) {
      const acquisition = cleanAcquisition(opts.acquisition);
      const zip = await ingestZip(session, opts, { ingestId, acquisition, exhibit: () => nextExhibit(session) });
      session.checkpoint();
      return zip;
    }
    ev = await ingestFile(session.store, opts);
  } catch (err) {
    if (err instanceof IngestCancelledError) {
      // The file's rows were rolled back; the registry keeps a row saying so, which the
      // examiner removes (evidence.removed) or replaces by adding the file again.
      session.record('ingest.cancelled', { ingestId, path: file, name, reason: err.message });
      session.record('evidence.incomplete', { ingestId, path: file, name, size: size ?? 0, mtime: mtime ?? undefined, timezone: opts.timezone, reason: 'ingest cancelled by the examiner' });
      session.checkpoint();
      throw err;
    }
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
    encodingSource: ev.encoding_source,
    timezone: ev.timezone,
    baseYear: ev.base_year,
    baseYearSource: ev.base_year_source,
    events: ev.events,
    rejected: ev.rejected,
    ...scopeDetails(session.store, ev.id),
  });
  session.checkpoint();
  return readEvidence(session.store, ev.id);
}

/** EX-001, EX-002, ...: one more than the highest exhibit number in the case. */
function nextExhibit(session: CaseSession): string {
  const rows = session.store.all<{ exhibit: string }>("SELECT exhibit FROM evidence WHERE exhibit LIKE 'EX-%'");
  // parseInt: entries of a zip carry sub-numbers (EX-004.1) under their archive's number.
  const max = rows.reduce((m, r) => Math.max(m, Number.parseInt(r.exhibit.slice(3), 10) || 0), 0);
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
