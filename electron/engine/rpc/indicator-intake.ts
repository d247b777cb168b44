// Files dropped for ingest that are indicator lists (iocs.txt, a C2 CSV feed, a STIX bundle, a
// MISP event) become the case's IOC files, as "Add IOC file" would make them: bytes kept in the
// case, an ioc.added custody entry. They never reach the log formats or the column mapper.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { IngestedIndicatorFile } from '../../common/indicator-intake';
import type { CaseSession } from '../custody/session';
import { keepIocFile, listIocFiles, MAX_IOC_FILE_BYTES, readIocFile } from '../detect/case-ioc-files';
import { parseIndicatorContent } from '../detect/ioc/load';
import { SNIFF_BYTES, sniffIndicatorFile } from '../detect/ioc/sniff';

function readStart(file: string, size: number): Uint8Array {
  const length = Math.min(size, SNIFF_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, done);
      if (n === 0) break;
      done += n;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

const SKIPPED_SHOWN = 3;

/** Indicator documents (STIX bundles, MISP events) larger than this are taken for logs. */
const JSON_WHOLE_BYTES = 16 * 1024 * 1024;

/** First character, after a UTF-8 byte order mark and white space, is "{" or "[". */
function opensLikeJson(start: Uint8Array): boolean {
  let i = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
  while (i < start.length && (start[i] === 0x20 || start[i] === 0x09 || start[i] === 0x0a || start[i] === 0x0d)) i++;
  return start[i] === 0x7b || start[i] === 0x5b;
}

/**
 * Keeps `file` as an IOC file when its content says it is one; null when it is not (a log for
 * the formats). A file that is an indicator format but holds no usable indicator throws (its
 * message names the file and why), so it is reported, not mapped as a log.
 */
export function keepIfIndicatorFile(session: CaseSession, file: string, name: string): IngestedIndicatorFile | null {
  const size = statSync(file).size;
  if (size === 0 || size > MAX_IOC_FILE_BYTES) return null;
  const whole = size <= SNIFF_BYTES;
  const start = readStart(file, size);
  let format = sniffIndicatorFile(start, whole);
  // JSON is judged whole (a cut JSON Lines log must not pass for a document): a larger file that
  // opens like JSON is read in full, up to JSON_WHOLE_BYTES, so a big JSON log is not parsed twice.
  const bytes = format === null && !whole && size <= JSON_WHOLE_BYTES && opensLikeJson(start) ? readIocFile(file, name) : null;
  if (format === null && bytes) format = sniffIndicatorFile(bytes.bytes, true);
  if (format === null) return null;
  session.requireWritable();
  const ioc = bytes ?? readIocFile(file, name);
  const parsed = parseIndicatorContent(ioc.name, ioc.bytes);
  const already = listIocFiles(session.store).some((f) => f.sha256 === ioc.sha256);
  if (!already) keepIocFile(session, ioc);
  // The first few skipped entries travel with the reasons, so the examiner sees why without opening the file.
  const skippedFirst = parsed.skipped.slice(0, SKIPPED_SHOWN).map((s) => ({ line: s.line, reason: s.reason, ...(s.reason_code ? { reason_code: s.reason_code } : {}) }));
  return { name: ioc.name, sha256: ioc.sha256, format, indicators: parsed.indicators.length, skipped: parsed.skipped.length, skippedFirst, alreadyKept: already };
}
