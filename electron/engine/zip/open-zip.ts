// A safe, streaming zip reader on top of yauzl, for anything Tracelight reads from a zip
// (evidence packages to verify or review, .zip evidence to ingest). The whole central
// directory is read and checked when the zip is opened, before any entry's bytes are used:
// hostile names (traversal, absolute, drive letters, backslashes), symbolic links, duplicate
// names, overlapping entries (the "non-recursive" zip bomb) and entries that claim to inflate
// past a ratio cap are refused with a message naming the zip and the entry. Evidence ingest
// opens with `hostileEntries: 'mark'`: a hostile entry is then marked refused (and never read)
// while the archive's other entries stay readable; a package to verify is refused whole. Entry contents are
// only ever streamed, and a stream that yields more than its entry declared is stopped.
import { Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import { UnreadableInputError } from '../errors';
import { decodeEntryName } from './decode-name';
import { unsafeEntryNameReason } from './entry-name';

/**
 * As for gzip evidence. Ordinary logs compress 5:1 to 50:1, but highly repetitive real logs
 * (one firewall line repeated) were measured at 249-254:1, so 250:1 refused real evidence.
 * Deflate itself cannot pass ~1032:1; a declared size past 1000:1 is a crafted header or a
 * run of one byte: a bomb. The total-size cap (maxTotalBytes) bounds the rest.
 */
export const MAX_ZIP_RATIO = 1000;
/** Entries this small cannot do harm whatever their ratio (a run of zeros compresses ~1000:1). */
const RATIO_FREE_BYTES = 1 << 20;
const DEFAULT_MAX_ENTRIES = 100_000;
/** The smallest local file header (30 bytes before the name). */
const LOCAL_HEADER_MIN = 30;

export class ZipError extends UnreadableInputError {}

export interface ZipEntry {
  /** Position in the central directory (0-based). */
  index: number;
  /** The decoded name, NFC, a safe relative path with "/" separators (directories end in "/"). */
  name: string;
  isDirectory: boolean;
  /** Declared uncompressed size; a stream never yields more. */
  size: number;
  compressedSize: number;
  encrypted: boolean;
  /** 0 stored, 8 deflate; anything else cannot be read. */
  compressionMethod: number;
  crc32: number;
  /** The entry's modification time as the archive records it. */
  mtime: Date;
  /** Why this entry is not read (opened with hostileEntries: 'mark'); its name may be hostile too. */
  refused?: string;
}

export interface ZipOptions {
  /** Per-entry inflation cap (uncompressed / compressed); Infinity lists bombs without refusing. */
  maxRatio?: number;
  maxEntries?: number;
  /** Cap on the sum of declared uncompressed sizes. */
  maxTotalBytes?: number;
  /**
   * 'refuse' (default): a hostile entry refuses the whole archive. 'mark': it is marked
   * `refused` and the other entries stay readable (evidence ingest names it and goes on).
   * Overlapping entries and the total-size cap always refuse the whole archive.
   */
  hostileEntries?: 'refuse' | 'mark';
}

export interface SafeZip {
  readonly path: string;
  readonly entries: readonly ZipEntry[];
  /** Streams one entry's uncompressed bytes. */
  openEntry(entry: ZipEntry): Promise<Readable>;
  close(): void;
}

export async function openZip(file: string, opts: ZipOptions = {}): Promise<SafeZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (err) {
    throw new ZipError(`${file}: not a readable zip (${describe(err)})`);
  }
  try {
    const raw = await readCentralDirectory(file, zip, opts.maxEntries ?? DEFAULT_MAX_ENTRIES);
    const mark = opts.hostileEntries === 'mark';
    const entries = raw.map((e, index) => toEntry(file, e, index, mark));
    checkArchive(file, zip.fileSize, entries, raw, opts);
    return {
      path: file,
      entries,
      openEntry: (entry) => openEntryStream(file, zip, raw[entry.index]!, entry),
      close: () => zip.close(),
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}

async function readCentralDirectory(file: string, zip: yauzl.ZipFile, maxEntries: number): Promise<yauzl.Entry[]> {
  if (zip.entryCount > maxEntries) throw new ZipError(`${file}: ${zip.entryCount} entries, more than the ${maxEntries} allowed`);
  const out: yauzl.Entry[] = [];
  try {
    for await (const e of zip.eachEntry()) out.push(e);
  } catch (err) {
    throw new ZipError(`${file}: damaged zip, entry ${out.length + 1}: ${describe(err)}`);
  }
  return out;
}

/** Unix "made by" with a symbolic-link mode: extracting it would point outside the archive. */
function isSymlink(e: yauzl.Entry): boolean {
  return e.versionMadeBy >> 8 === 3 && ((e.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

function toEntry(file: string, e: yauzl.Entry, index: number, mark: boolean): ZipEntry {
  const name = decodeEntryName({
    generalPurposeBitFlag: e.generalPurposeBitFlag,
    // decodeStrings: false leaves the raw bytes where the name would be.
    fileNameRaw: e.fileName as unknown as Buffer,
    extraFields: e.extraFields,
  });
  const reason = unsafeEntryNameReason(name) ?? (isSymlink(e) ? 'symbolic link (it would point outside the archive)' : null);
  if (reason && !mark) throw new ZipError(`${file}: refused: entry "${printable(name)}": ${reason}`);
  return {
    ...(reason ? { refused: reason } : {}),
    index,
    name,
    isDirectory: name.endsWith('/'),
    size: e.uncompressedSize,
    compressedSize: e.compressedSize,
    encrypted: e.isEncrypted(),
    compressionMethod: e.compressionMethod,
    crc32: e.crc32,
    mtime: e.getLastModDate(),
  };
}

function checkArchive(file: string, fileSize: number, entries: ZipEntry[], raw: yauzl.Entry[], opts: ZipOptions): void {
  const seen = new Set<string>();
  let total = 0;
  const maxRatio = opts.maxRatio ?? MAX_ZIP_RATIO;
  const refuse = (e: ZipEntry, reason: string): void => {
    if (opts.hostileEntries !== 'mark') throw new ZipError(`${file}: refused: entry "${printable(e.name)}" ${reason}`);
    e.refused ??= reason;
  };
  for (const e of entries) {
    // Two entries with one name: which one a tool extracts differs, so neither is trusted.
    if (seen.has(e.name)) {
      refuse(e, 'appears more than once');
      for (const other of entries) if (other.name === e.name) other.refused ??= 'appears more than once';
    }
    seen.add(e.name);
    total += e.size;
    if (e.size > RATIO_FREE_BYTES && e.size > e.compressedSize * maxRatio) {
      refuse(e, `inflates ${e.compressedSize} bytes to ${e.size} (past ${maxRatio}:1, possible decompression bomb)`);
    }
  }
  if (opts.maxTotalBytes !== undefined && total > opts.maxTotalBytes) {
    throw new ZipError(`${file}: refused: entries total ${total} bytes uncompressed, more than the ${opts.maxTotalBytes} allowed`);
  }
  // Entries whose data overlap (or lie past the end of the file) are how a zip bomb gets
  // ratios deflate alone cannot reach; a well-formed zip never has them.
  const order = raw.map((r, i) => ({ r, i })).sort((a, b) => a.r.relativeOffsetOfLocalHeader - b.r.relativeOffsetOfLocalHeader);
  for (let k = 0; k < order.length; k++) {
    const { r, i } = order[k]!;
    const end = r.relativeOffsetOfLocalHeader + LOCAL_HEADER_MIN + r.fileNameLength + r.compressedSize;
    const next = order[k + 1]?.r.relativeOffsetOfLocalHeader ?? fileSize;
    if (end > next) throw new ZipError(`${file}: refused: entry "${printable(entries[i]!.name)}" overlaps another entry or the end of the file`);
  }
}

async function openEntryStream(file: string, zip: yauzl.ZipFile, raw: yauzl.Entry, entry: ZipEntry): Promise<Readable> {
  const where = `${file}: entry "${printable(entry.name)}"`;
  if (entry.refused) throw new ZipError(`${where}: refused: ${entry.refused}`);
  if (entry.isDirectory) throw new ZipError(`${where} is a directory`);
  if (entry.encrypted) throw new ZipError(`${where} is encrypted; Tracelight reads only unencrypted zips`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new ZipError(`${where} uses compression method ${entry.compressionMethod}; only stored and deflate are supported`);
  }
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(raw);
  } catch (err) {
    throw new ZipError(`${where}: ${describe(err)}`);
  }
  // yauzl already stops at the declared size; this second guard costs nothing and keeps the
  // promise even if that behaviour changes.
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > entry.size) done(new ZipError(`${where}: inflates past its declared size of ${entry.size} bytes (possible decompression bomb)`));
      else done(null, chunk);
    },
  });
  stream.on('error', (err) => guard.destroy(err instanceof ZipError ? err : new ZipError(`${where}: ${describe(err)}`)));
  // A consumer that stops reading (or a refused entry) stops the inflating too.
  guard.on('close', () => stream.destroy());
  return stream.pipe(guard);
}

function describe(err: unknown): string {
  return (err as Error)?.message ?? String(err);
}

/** A name as it can be shown on one line of a terminal or an error dialog. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
