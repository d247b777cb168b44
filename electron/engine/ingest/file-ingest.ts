// One evidence file through the pipeline, in a single streaming pass:
// read -> hash (SHA-256, SHA-1, MD5) -> split lines -> decode -> parse -> insert.
// The file is never held whole; every record becomes an event or a rejected record.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceSummary } from '../../common/schema';
import type { ReadRecord, RecordReader } from '../formats/types';
import type { CaseStore } from '../store/case-store';
import { isValidTimeZone } from '../time/zone';
import { EventWriter } from './event-writer';
import { readGzip } from './gzip';
import { lineRecordReader } from './line-records';
import { resolveHostsFromIps } from './resolve-hosts';
import { readEvidence } from '../store/evidence-registry';
import { sniffFile, UnreadableInputError, type SniffResult } from './sniff';

export { UnreadableInputError };

export interface IngestOptions {
  path: string;
  /** The name the examiner knows the file by (defaults to the path's base name). */
  displayName?: string;
  format?: string;
  /** Zone for zone-less timestamps (IANA name or UTC). */
  timezone: string;
  onProgress?: (p: IngestProgressSample) => void;
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
  if (!isValidTimeZone(opts.timezone)) throw new UnreadableInputError(`unknown time zone "${opts.timezone}"`);
  let stat;
  try {
    stat = statSync(file);
  } catch (err) {
    throw new UnreadableInputError(`cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!stat.isFile()) throw new UnreadableInputError('not a regular file');
  if (stat.size === 0) throw new UnreadableInputError('empty file');
  const sniff = sniffFile(file, name, stat.size, opts.format);
  const baseYear = stat.mtime.getUTCFullYear();

  const db = store.db;
  db.exec('BEGIN');
  try {
    db.run(
      `INSERT INTO evidence (path, name, size, mtime, format, encoding, timezone, base_year, status, added_at, container)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ingesting', ?, ?)`,
      [file, name, stat.size, stat.mtime.toISOString(), sniff.format.id, sniff.encoding, opts.timezone, baseYear, new Date().toISOString(), sniff.container],
    );
    const evidenceId = Number(store.scalar('SELECT last_insert_rowid()'));
    const counts = await streamRecords(store, evidenceId, file, stat.size, sniff, opts, name, baseYear);
    const duplicate = store.scalar("SELECT id FROM evidence WHERE sha256 = ? AND id <> ? AND status = 'complete'", [
      counts.sha256,
      evidenceId,
    ]);
    if (duplicate !== null) {
      throw new UnreadableInputError(`already in this case as evidence #${duplicate} (same SHA-256)`);
    }
    db.run(
      `UPDATE evidence SET sha256 = ?, sha1 = ?, md5 = ?, lines = ?, events = ?, rejected = ?, skipped = ?,
       status = 'complete' WHERE id = ?`,
      [counts.sha256, counts.sha1, counts.md5, counts.lines, counts.events, counts.rejected, counts.skipped, evidenceId],
    );
    resolveHostsFromIps(store);
    db.exec('COMMIT');
    return readEvidence(store, evidenceId);
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

interface StreamCounts {
  sha256: string;
  sha1: string;
  md5: string;
  lines: number;
  events: number;
  rejected: number;
  skipped: number;
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
): Promise<StreamCounts> {
  const hashes = [createHash('sha256'), createHash('sha1'), createHash('md5')] as const;
  const ctx = { fileName: name, timezone: opts.timezone, baseYear };
  const format = sniff.format;
  const reader: RecordReader = format.createRecordReader
    ? format.createRecordReader(ctx)
    : lineRecordReader(format.createParser(ctx), sniff.encoding === 'binary' ? 'utf-8' : sniff.encoding, sniff.bomLength);
  const writer = new EventWriter(store.db, evidenceId);
  const rejectStmt = store.db.prepare(
    'INSERT INTO rejected_record (evidence_id, line, byte_offset, reason, raw) VALUES (?, ?, ?, ?, ?)',
  );
  let records = 0;
  let rejected = 0;
  let skipped = 0;
  let bytesRead = 0;
  const started = Date.now();
  let lastReport = 0;

  const reject = (rec: ReadRecord, reason: string): void => {
    rejected++;
    rejectStmt.run([evidenceId, rec.number, rec.offset, reason, rec.raw ?? '']);
  };
  const storeRecord = (rec: ReadRecord): void => {
    records++;
    const outcome = rec.outcome;
    if (outcome.kind === 'skip') skipped++;
    else if (outcome.kind === 'reject') reject(rec, outcome.reason);
    else if (outcome.kind === 'more') reject(rec, 'record reader asked for more input');
    else {
      const bad = outcome.events.find((e) => !Number.isFinite(e.ts));
      if (bad) return reject(rec, `unparseable timestamp "${bad.timeRaw}"`);
      for (const e of outcome.events) writer.add(e, rec.number, rec.offset, rec.length);
    }
  };
  const report = (force: boolean): void => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
    lastReport = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    opts.onProgress({ bytesRead, totalBytes: size, events: writer.count, rejected, eventsPerSecond: Math.round(writer.count / seconds) });
  };

  try {
    if (sniff.container === 'gzip') {
      // Hash the file as given (compressed); parse what it decompresses to.
      let contentOffset = 0;
      const onRaw = (raw: Buffer): void => {
        for (const h of hashes) h.update(raw);
        bytesRead += raw.length;
      };
      for await (const chunk of readGzip(file, onRaw)) {
        for (const rec of reader.push(chunk, contentOffset)) storeRecord(rec);
        contentOffset += chunk.length;
        report(false);
      }
    } else {
      const stream = createReadStream(file, { highWaterMark: 1 << 20 });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        for (const h of hashes) h.update(chunk);
        for (const rec of reader.push(chunk, bytesRead)) storeRecord(rec);
        bytesRead += chunk.length;
        report(false);
      }
    }
    for (const rec of reader.end()) storeRecord(rec);
  } catch (err) {
    if (err instanceof UnreadableInputError) throw err;
    throw new UnreadableInputError(`read failed at byte ${bytesRead} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    writer.close();
    rejectStmt.free();
  }
  report(true);
  const [sha256, sha1, md5] = hashes.map((h) => h.digest('hex')) as [string, string, string];
  return { sha256, sha1, md5, lines: records, events: writer.count, rejected, skipped };
}
