// A .zip handed over as evidence. The archive itself is one evidence row, hashed as given
// (that is what a reviewer re-hashes); each log inside it becomes its own evidence row with
// the hashes of its uncompressed bytes, its own format, and parent_id pointing at the
// archive. Entries are streamed out of the archive one at a time, never extracted to disk.
// Hostile archives (traversal or absolute names, overlapping entries, bombs) are refused
// whole by zip/open-zip.ts before anything is read; every entry that is not ingested is
// listed with its reason, in the result and in the custody log.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Acquisition } from '../../common/custody';
import type { ZipEntryOutcome } from '../../common/ingest-options';
import type { EvidenceSummary } from '../../common/schema';
import type { CaseSession } from './session';
import { hashFile } from './verify-evidence';
import { readEvidence } from '../store/evidence-registry';
import { MAX_ZIP_RATIO, openZip, printable, ZipError, type SafeZip, type ZipEntry } from '../zip';
import { IngestCancelledError, UnreadableInputError } from '../errors';
import { ingestFile, type IngestOptions } from '../ingest/file-ingest';
import { sniffContent } from '../ingest/sniff';
import { zipEntrySource } from '../ingest/zip-source';
import { scopeDetails } from '../ingest/scope/record';

/** Sum of the entries' uncompressed sizes past which an archive is refused (a case holds a few GB). */
const MAX_ZIP_TOTAL_BYTES = 32 * 1024 ** 3;
/** Archives whose entries together inflate less than this are never called bombs. */
const RATIO_FREE_TOTAL = 16 * 1024 ** 2;

/** Local file header or an empty archive's end record: a zip whatever its name. */
export function isZipFile(file: string): boolean {
  const head = Buffer.alloc(4);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // ingestFile reports why it cannot be read
  }
  try {
    const n = readSync(fd, head, 0, 4, 0);
    const sig = head.readUInt32LE(0);
    return n === 4 && (sig === 0x04034b50 || sig === 0x06054b50);
  } finally {
    closeSync(fd);
  }
}

export interface ZipIngestContext {
  ingestId: string;
  acquisition: Acquisition;
  exhibit(): string;
}

export async function ingestZip(
  session: CaseSession,
  opts: IngestOptions,
  ctx: ZipIngestContext,
): Promise<EvidenceSummary & { entries: ZipEntryOutcome[] }> {
  const store = session.store;
  const file = path.resolve(opts.path);
  const name = opts.displayName ?? path.basename(file);
  const stat = statSync(file);
  const digests = await hashFile(file);
  const zip = await openArchive(file, stat.size);
  try {
    const duplicate = store.scalar("SELECT id FROM evidence WHERE sha256 = ? AND status = 'complete'", [digests.sha256]);
    if (duplicate !== null) throw new UnreadableInputError(`already in this case as evidence #${duplicate} (same SHA-256)`, { code: 'ingest.duplicate', params: { id: String(duplicate) } });
    const exhibit = ctx.exhibit();
    const acq = ctx.acquisition;
    store.db.run(
      `INSERT INTO evidence (path, name, size, mtime, sha256, sha1, md5, format, encoding, timezone, base_year, lines, status, added_at,
       container, ingest_id, exhibit, provided_by, acquired_at, acquired_how, source_host)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'zip', 'binary', ?, ?, ?, 'ingesting', ?, 'zip-archive', ?, ?, ?, ?, ?, ?)`,
      [file, name, stat.size, stat.mtime.toISOString(), digests.sha256, digests.sha1, digests.md5, opts.timezone,
        opts.baseYear ?? stat.mtime.getUTCFullYear(), zip.entries.length, new Date().toISOString(), ctx.ingestId, exhibit,
        acq.provided_by ?? null, acq.acquired_at ?? null, acq.acquired_how ?? null, acq.source_host ?? null],
    );
    const archiveId = Number(store.scalar('SELECT last_insert_rowid()'));
    session.record('evidence.added', {
      ingestId: ctx.ingestId, evidenceId: archiveId, exhibit, path: file, name, size: stat.size, mtime: stat.mtime.toISOString(),
      sha256: digests.sha256, sha1: digests.sha1, md5: digests.md5, container: 'zip-archive', entries: zip.entries.length, ...acq,
    });
    const outcomes: ZipEntryOutcome[] = [];
    const progress = progressAcrossEntries(zip, opts.onProgress);
    let sub = 0;
    for (const entry of zip.entries) {
      let outcome: ZipEntryOutcome;
      try {
        if (opts.signal?.aborted) throw new IngestCancelledError();
        outcome = await ingestEntry(session, zip, entry, archiveId, { ...opts, displayName: `${name}/${entry.name}`, onProgress: progress.forEntry(entry) });
      } catch (err) {
        // Entries already ingested stay (each is complete); the archive's row says it is not.
        if (err instanceof IngestCancelledError) store.db.run("UPDATE evidence SET status = 'incomplete' WHERE id = ?", [archiveId]);
        throw err;
      }
      progress.done(entry, outcome);
      outcomes.push(outcome);
      if (outcome.status === 'ingested') {
        const entryExhibit = `${exhibit}.${++sub}`;
        store.db.run(
          'UPDATE evidence SET ingest_id = ?, exhibit = ?, provided_by = ?, acquired_at = ?, acquired_how = ?, source_host = ? WHERE id = ?',
          [ctx.ingestId, entryExhibit, acq.provided_by ?? null, acq.acquired_at ?? null, acq.acquired_how ?? null, acq.source_host ?? null, outcome.evidenceId!],
        );
        recordEntry(session, ctx.ingestId, archiveId, entryExhibit, readEvidence(store, outcome.evidenceId!));
      } else {
        session.record('evidence.entry-skipped', { ingestId: ctx.ingestId, parentId: archiveId, entry: entry.name, status: outcome.status, reason: outcome.reason });
      }
    }
    const count = (s: ZipEntryOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    store.db.run("UPDATE evidence SET status = 'complete', skipped = ? WHERE id = ?", [outcomes.length - count('ingested'), archiveId]);
    session.record('evidence.parsed', {
      evidenceId: archiveId, format: 'zip', entries: outcomes.length, ingested: count('ingested'), skipped: count('skipped'), failed: count('failed'),
    });
    return { ...readEvidence(store, archiveId), entries: outcomes };
  } finally {
    zip.close();
  }
}

async function openArchive(file: string, size: number): Promise<SafeZip> {
  let zip: SafeZip;
  try {
    // One hostile entry is named and left out; the archive's other entries are still evidence.
    zip = await openZip(file, { maxTotalBytes: MAX_ZIP_TOTAL_BYTES, hostileEntries: 'mark' });
  } catch (err) {
    // The caller names the file; the zip reader's message starts with the path too.
    if (err instanceof ZipError) throw new ZipError(err.message.startsWith(`${file}: `) ? err.message.slice(file.length + 2) : err.message);
    throw err;
  }
  // Per-entry ratios are capped by openZip; many small entries could still add up to a bomb.
  // Refused entries are never read, so they do not count.
  const total = zip.entries.reduce((sum, e) => sum + (e.refused ? 0 : e.size), 0);
  if (total > RATIO_FREE_TOTAL && total > size * MAX_ZIP_RATIO) {
    zip.close();
    throw new ZipError(`refused: entries total ${total} bytes from a ${size}-byte archive (past ${MAX_ZIP_RATIO}:1, possible decompression bomb)`);
  }
  return zip;
}

/** One entry: ingested, or skipped/failed with the reason. Never throws. */
async function ingestEntry(session: CaseSession, zip: SafeZip, entry: ZipEntry, archiveId: number, opts: IngestOptions): Promise<ZipEntryOutcome> {
  // A refused entry's name may hold control characters: shown escaped, on one line.
  if (entry.refused) return { entry: printable(entry.name), size: entry.size, status: 'failed', reason: `refused: ${entry.refused}`, reason_code: { code: 'zip.refused', params: { why: entry.refused } } };
  const base = { entry: entry.name, size: entry.size };
  if (entry.isDirectory) return { ...base, status: 'skipped', reason: 'directory', reason_code: { code: 'zip.directory' } };
  if (entry.encrypted) return { ...base, status: 'failed', reason: 'encrypted: Tracelight reads only unencrypted zip entries (extract it with the password and add the file)', reason_code: { code: 'zip.encrypted' } };
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return { ...base, status: 'failed', reason: `compression method ${entry.compressionMethod} is not supported (only stored and deflate)`, reason_code: { code: 'zip.method', params: { method: entry.compressionMethod } } };
  }
  if (entry.size === 0) return { ...base, status: 'skipped', reason: 'empty', reason_code: { code: 'zip.empty' } };
  try {
    const source = await zipEntrySource(zip, entry, archiveId);
    if (source.nestedZip) return { ...base, status: 'skipped', reason: 'a zip inside the zip is not opened; extract it and add it on its own', reason_code: { code: 'zip.nested' } };
    try {
      // Recognized first, so that binary and unknown entries are skipped, not failures.
      sniffContent({ ...(await source.head()), fileName: entry.name, container: null, forcedFormat: opts.format, encoding: opts.encoding });
    } catch (err) {
      if (err instanceof UnreadableInputError) return { ...base, status: 'skipped', reason: err.message, ...(err.coded ? { reason_code: err.coded } : {}) };
      throw err;
    }
    const ev = await ingestFile(session.store, { ...opts, source });
    return { ...base, status: 'ingested', evidenceId: ev.id, format: ev.format, events: ev.events, rejected: ev.rejected };
  } catch (err) {
    if (err instanceof IngestCancelledError) throw err;
    const message = (err as Error).message;
    const duplicate = err instanceof UnreadableInputError && message.startsWith('already in this case');
    return {
      ...base,
      status: duplicate ? 'skipped' : 'failed',
      reason: err instanceof UnreadableInputError ? message : `failed: ${message}`,
      reason_code: err instanceof UnreadableInputError ? (err.coded ?? { code: 'text', params: { text: message } }) : { code: 'ingest.failed', params: { message } },
    };
  }
}

function recordEntry(session: CaseSession, ingestId: string, parentId: number, exhibit: string, ev: EvidenceSummary): void {
  session.record('evidence.added', {
    ingestId, evidenceId: ev.id, parentId, entry: ev.entry_name, exhibit, path: ev.path, name: ev.name, size: ev.size, mtime: ev.mtime,
    sha256: ev.sha256, sha1: ev.sha1, md5: ev.md5, container: ev.container,
  });
  session.record('evidence.parsed', {
    evidenceId: ev.id, format: ev.format, encoding: ev.encoding, encodingSource: ev.encoding_source, timezone: ev.timezone,
    baseYear: ev.base_year, baseYearSource: ev.base_year_source, events: ev.events, rejected: ev.rejected,
    ...scopeDetails(session.store, ev.id),
  });
}

/** Progress of the whole archive (bytes over all entries) from each entry's own progress. */
function progressAcrossEntries(zip: SafeZip, onProgress: IngestOptions['onProgress']) {
  const totalBytes = zip.entries.reduce((sum, e) => sum + e.size, 0);
  let doneBytes = 0;
  let events = 0;
  let rejected = 0;
  return {
    forEntry: (_entry: ZipEntry): IngestOptions['onProgress'] =>
      onProgress && ((p) => onProgress({ ...p, bytesRead: doneBytes + p.bytesRead, totalBytes, events: events + p.events, rejected: rejected + p.rejected })),
    done(entry: ZipEntry, outcome: ZipEntryOutcome): void {
      doneBytes += entry.size;
      events += outcome.events ?? 0;
      rejected += outcome.rejected ?? 0;
    },
  };
}
