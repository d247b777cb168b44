// The source side of an ingest, with no database in it: read the evidence once, hash the
// bytes as given (SHA-256, SHA-1, MD5), split/decode/parse them with the format's reader, and
// hand over batches of flattened rows (event-batch.ts). Runs in the ingest worker, or in the
// calling thread when there is no worker (tests run from sources, zip entries).
import type { RollupCounts } from '../store/rollups/counter';
import type { ImportScope } from './scope/types';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FormatModule, ParseContext, RecordReader } from '../formats/types';
import type { TextEncoding } from './encoding';
import { BatchEncoder, type EventBatch } from './event-batch';
import { UnreadableInputError } from '../errors';
import { readGzip } from './gzip';
import { lineRecordReader } from './line-records';

export interface PassCounts {
  sha256: string;
  sha1: string;
  md5: string;
  /** Bytes of the evidence as given that the pass read. */
  bytesRead: number;
  lines: number;
  events: number;
  rejected: number;
  skipped: number;
  /** What the events of the pass count per facet value and minute (store/rollups/). */
  rollups: RollupCounts;
  /** Events outside the import scope: parsed, counted, not stored. */
  scopedOut: number;
}

/** Where the bytes come from: chunks of content to parse; `onRaw` sees the evidence as given. */
export type ChunkSource = (onRaw: (raw: Buffer) => void) => AsyncIterable<Buffer>;

/** A plain file (hashed and parsed as read) or a .gz (hashed compressed, parsed decompressed). */
export function fileChunks(file: string, container: string | null): ChunkSource {
  if (container === 'gzip') return (onRaw) => readGzip(file, onRaw);
  return async function* plain(onRaw) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      onRaw(chunk);
      yield chunk;
    }
  };
}

export function createReader(format: FormatModule, encoding: TextEncoding | 'binary', bomLength: number, ctx: ParseContext): RecordReader {
  return format.createRecordReader
    ? format.createRecordReader(ctx)
    : lineRecordReader(format.createParser(ctx), encoding === 'binary' ? 'utf-8' : encoding, bomLength);
}

/** SHA-256, SHA-1 and MD5 of the evidence as given, fed chunk by chunk. */
export class EvidenceHasher {
  private readonly hashes = [createHash('sha256'), createHash('sha1'), createHash('md5')] as const;
  bytes = 0;

  update(raw: Buffer): void {
    for (const h of this.hashes) h.update(raw);
    this.bytes += raw.length;
  }

  digests(): Pick<PassCounts, 'sha256' | 'sha1' | 'md5'> {
    const [sha256, sha1, md5] = this.hashes.map((h) => h.digest('hex')) as [string, string, string];
    return { sha256, sha1, md5 };
  }
}

/**
 * The per-file time budget: a minute, plus a second for every 2 MiB read. Parsers run at
 * 80-120 MiB/s, so only a pathological input (a record that makes a parser crawl) reaches it;
 * it is then stopped with one line saying so instead of holding the ingest for hours.
 */
export function defaultTimeBudgetMs(bytesRead: number): number {
  return 60_000 + (bytesRead / (2 << 20)) * 1000;
}

export class TimeBudgetError extends UnreadableInputError {}

/**
 * Runs the pass. `emit` gets each batch with the evidence bytes read so far and may wait
 * (back-pressure); the encoder is returned to it so stored batches' buffers can be reused.
 * With `hash` false the digests come back empty: the caller hashes the file itself.
 */
export async function runPass(
  reader: RecordReader,
  chunks: ChunkSource,
  emit: (batch: EventBatch, bytesRead: number, encoder: BatchEncoder) => void | Promise<void>,
  hash = true,
  timeBudgetMs: (bytesRead: number) => number = defaultTimeBudgetMs,
  scope?: ImportScope,
): Promise<PassCounts> {
  const hasher = hash ? new EvidenceHasher() : null;
  const started = Date.now();
  let sinceCheck = 0;
  const checkBudget = (): void => {
    if (++sinceCheck < 256) return;
    sinceCheck = 0;
    const elapsed = Date.now() - started;
    if (elapsed > timeBudgetMs(bytesRead)) {
      const s = (elapsed / 1000).toFixed(1);
      throw new TimeBudgetError(
        `stopped after ${s} s at byte ${bytesRead}: parsing ran past the per-file time budget (a minute plus a second per 2 MiB); a record in it makes the parser crawl`,
        { code: 'ingest.timeBudget', params: { s, byte: String(bytesRead) } },
      );
    }
  };
  const encoder = new BatchEncoder(scope);
  let bytesRead = 0;
  const onRaw = (raw: Buffer): void => {
    hasher?.update(raw);
    bytesRead += raw.length;
  };
  let contentOffset = 0;
  try {
    for await (const chunk of chunks(onRaw)) {
      for (const rec of reader.push(chunk, contentOffset)) {
        checkBudget();
        encoder.addRecord(rec);
        if (encoder.full) await emit(encoder.take(), bytesRead, encoder);
      }
      contentOffset += chunk.length;
    }
    for (const rec of reader.end()) {
      checkBudget();
      encoder.addRecord(rec);
      if (encoder.full) await emit(encoder.take(), bytesRead, encoder);
    }
    // The last batch goes out even when empty: it carries the final byte count.
    await emit(encoder.take(), bytesRead, encoder);
  } catch (err) {
    if (err instanceof UnreadableInputError) throw err;
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UnreadableInputError(`read failed at byte ${bytesRead} (${why})`, { code: 'ingest.readFailed', params: { byte: String(bytesRead), why } });
  }
  return {
    ...(hasher ? hasher.digests() : { sha256: '', sha1: '', md5: '' }),
    bytesRead,
    lines: encoder.recordsTotal,
    events: encoder.events,
    rejected: encoder.rejected,
    skipped: encoder.skippedTotal,
    rollups: encoder.rollups.result(),
    scopedOut: encoder.scopedOut,
  };
}
