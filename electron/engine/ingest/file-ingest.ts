// One evidence file through the pipeline, in a single streaming pass:
// read -> hash (SHA-256, SHA-1, MD5) -> split lines -> decode -> parse -> insert.
// The file is never held whole; every record becomes an event or a rejected record.
// Reading and parsing (record-pass.ts) run in a worker thread when there is one
// (worker-pass.ts); this thread stores the flattened rows (event-writer.ts), committing
// every few thousand rows (ingest-checkpoints.ts: why, and how a cancel still undoes it all).
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ColumnMapping } from '../../common/import-mapping';
import type { EvidenceSummary } from '../../common/schema';
import { IngestCancelledError } from '../errors';
import { findFormat } from '../formats/registry';
import type { CaseStore } from '../store/case-store';
import { isValidTimeZone } from '../time/zone';
import type { EventBatch } from './event-batch';
import { EventWriter } from './event-writer';
import { IngestCheckpoints } from './ingest-checkpoints';
import { createReader, fileChunks, runPass, type ChunkSource, type PassCounts } from './record-pass';
import { ingestWorkerScript, passInWorker } from './worker-pass';
import { resolveHostsFromIps } from './resolve-hosts';
import { readEvidence } from '../store/evidence-registry';
import { dropRollups, writeIngestRollups } from '../store/rollups/write';
import { sniffContent, sniffFile, UnreadableInputError, type SniffResult } from './sniff';
import type { TextEncoding } from './encoding';
import type { EvidenceSource } from './evidence-source';
import type { ImportScope } from './scope/types';

export { UnreadableInputError };

export interface IngestOptions {
  path: string;
  /** The name the examiner knows the file by (defaults to the path's base name). */
  displayName?: string;
  format?: string;
  /** Zone for zone-less timestamps (IANA name or UTC). */
  timezone: string;
  /** Chosen instead of the detected encoding / the file's modification year. */
  encoding?: TextEncoding;
  baseYear?: number;
  /** How rows become events for the generic formats (formats/generic/). */
  mapping?: ColumnMapping;
  /** Set for an entry inside a .zip: where the bytes come from (ingest/zip-ingest.ts). */
  source?: EvidenceSource;
  /** Keep only what this says (ingest/scope/); the file is still hashed whole. */
  scope?: ImportScope;
  onProgress?: (p: IngestProgressSample) => void;
  /** Aborting it cancels the ingest at the next batch (IngestCancelledError; rows rolled back). */
  signal?: AbortSignal;
}

export interface IngestProgressSample {
  bytesRead: number;
  totalBytes: number;
  events: number;
  rejected: number;
  eventsPerSecond: number;
}

const PROGRESS_INTERVAL_MS = 200;

export async function ingestFile(store: CaseStore, opts: IngestOptions): Promise<EvidenceSummary> {
  const file = path.resolve(opts.path);
  const name = opts.displayName ?? path.basename(file);
  if (!isValidTimeZone(opts.timezone)) throw new UnreadableInputError(`unknown time zone "${opts.timezone}"`, { code: 'ingest.zone', params: { zone: opts.timezone } });
  const source = opts.source;
  let onDisk;
  try {
    onDisk = statSync(file);
  } catch (err) {
    throw new UnreadableInputError(`cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { code: 'ingest.cannotRead', params: { why: (err as NodeJS.ErrnoException).code ?? 'error' } });
  }
  if (!onDisk.isFile()) throw new UnreadableInputError('not a regular file', { code: 'ingest.notFile' });
  // A zip entry's size and time are the entry's, not the archive's.
  const stat = source ?? onDisk;
  if (stat.size === 0) throw new UnreadableInputError('empty file', { code: 'ingest.empty' });
  if (opts.signal?.aborted) throw new IngestCancelledError();
  const sniff = source
    ? sniffContent({ ...(await source.head()), fileName: name, container: null, forcedFormat: opts.format, encoding: opts.encoding })
    : sniffFile(file, name, stat.size, opts.format, opts.encoding);
  const baseYear = opts.baseYear ?? stat.mtime.getUTCFullYear();

  const db = store.db;
  const checkpoints = new IngestCheckpoints(db, Number(store.scalar('SELECT coalesce(max(id), 0) + 1 FROM event_row')));
  let evidenceId = 0;
  db.exec('BEGIN');
  try {
    db.run(
      `INSERT INTO evidence (path, name, size, mtime, format, encoding, timezone, base_year, status, added_at, container,
       encoding_source, base_year_source, parent_id, entry_name)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ingesting', ?, ?, ?, ?, ?, ?)`,
      [file, name, stat.size, stat.mtime.toISOString(), sniff.format.id, sniff.encoding, opts.timezone, baseYear, new Date().toISOString(),
        source?.container ?? sniff.container, sniff.encodingChosen ? 'chosen' : 'detected', opts.baseYear === undefined ? 'detected' : 'chosen',
        source?.parentId ?? null, source?.entryName ?? null],
    );
    evidenceId = Number(store.scalar('SELECT last_insert_rowid()'));
    const counts = await streamRecords(store, evidenceId, file, stat.size, sniff, opts, name, baseYear, checkpoints);
    const duplicate = store.scalar("SELECT id FROM evidence WHERE sha256 = ? AND id <> ? AND status = 'complete'", [
      counts.sha256,
      evidenceId,
    ]);
    if (duplicate !== null) {
      throw new UnreadableInputError(`already in this case as evidence #${duplicate} (same SHA-256)`, { code: 'ingest.duplicate', params: { id: String(duplicate) } });
    }
    db.run(
      `UPDATE evidence SET sha256 = ?, sha1 = ?, md5 = ?, lines = ?, events = ?, rejected = ?, skipped = ?,
       status = 'complete' WHERE id = ?`,
      [counts.sha256, counts.sha1, counts.md5, counts.lines, counts.events, counts.rejected, counts.skipped, evidenceId],
    );
    writeIngestRollups(store, evidenceId, counts.rollups);
    if (opts.scope) db.run('UPDATE evidence SET scope = ?, scoped_out = ? WHERE id = ?', [JSON.stringify(opts.scope), counts.scopedOut, evidenceId]);
    resolveHostsFromIps(store, () => checkpoints.commit());
    // A cancel that arrived while the last batches were stored, the rollups written and hosts
    // resolved (synchronous work: its message waits in the event loop) still rolls back.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (opts.signal?.aborted) throw new IngestCancelledError();
    db.exec('COMMIT');
    return readEvidence(store, evidenceId);
  } catch (err) {
    db.exec('ROLLBACK');
    if (checkpoints.committed) {
      // What the commits kept goes, and hosts are resolved again without this file's map.
      checkpoints.undo(evidenceId);
      dropRollups(store, evidenceId);
      resolveHostsFromIps(store);
    }
    throw err;
  }
}

async function streamRecords(
  store: CaseStore,
  evidenceId: number,
  file: string,
  size: number,
  sniff: SniffResult,
  opts: IngestOptions,
  name: string,
  baseYear: number,
  checkpoints: IngestCheckpoints,
): Promise<PassCounts> {
  const ctx = { fileName: name, timezone: opts.timezone, baseYear, mapping: opts.mapping };
  const format = sniff.format;
  const writer = new EventWriter(store.db, evidenceId);
  let rejected = 0;
  const started = Date.now();
  let lastReport = 0;
  const report = (bytesRead: number, force: boolean): void => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
    lastReport = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    opts.onProgress({ bytesRead, totalBytes: size, events: writer.count, rejected, eventsPerSecond: Math.round(writer.count / seconds) });
  };
  const storeBatch = (batch: EventBatch, bytesRead: number): void => {
    // Checked per batch (2048 rows): a cancel takes effect within milliseconds, and a worker
    // still parsing is terminated by the rejection this throw becomes.
    if (opts.signal?.aborted) throw new IngestCancelledError();
    writer.write(batch);
    checkpoints.stored(batch.rows + batch.rejects.length);
    rejected += batch.rejects.length;
    report(bytesRead, false);
  };

  let counts: PassCounts;
  try {
    // Parsing runs in a worker thread beside the inserts when the worker bundle is there and
    // the bytes come from a file it can open itself (a zip entry's reader lives here).
    const script = opts.source ? null : ingestWorkerScript();
    if (script && findFormat(format.id) === format) {
      counts = await passInWorker(
        script,
        { file, container: sniff.container, formatId: format.id, encoding: sniff.encoding, bomLength: sniff.bomLength, ctx, scope: opts.scope },
        storeBatch,
      );
    } else {
      const reader = createReader(format, sniff.encoding, sniff.bomLength, ctx);
      // Hash the evidence as given (compressed, or a zip entry's bytes); parse its content.
      const chunks: ChunkSource = opts.source ? (onRaw) => opts.source!.read(onRaw) : fileChunks(file, sniff.container);
      counts = await runPass(reader, chunks, (batch, bytesRead, encoder) => {
        storeBatch(batch, bytesRead);
        encoder.recycle(batch);
      }, true, undefined, opts.scope);
    }
  } finally {
    writer.close();
  }
  report(size, true);
  return counts;
}
