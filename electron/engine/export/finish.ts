// Every export ends the same way: the file appears under its final name only when complete
// (written beside it under a temporary name, then renamed), it is hashed, and the export is
// recorded in the custody log with that hash.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseSession } from '../custody/session';
import type { ExportedFile, ExportKind, ExportOptions } from './types';

export interface ExportResult extends ExportedFile {
  kind: ExportKind;
  rows: number;
  /** False when the case is read-only (a reviewer's copy, or held by another Tracelight). */
  recorded: boolean;
  notRecordedReason?: string;
}

export async function sha256File(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { bytes: statSync(file).size, sha256: hash.digest('hex') };
}

/**
 * Runs `write` against a temporary file beside `file`, then renames it into place, so a failed
 * or interrupted export never leaves a half-written file under the name a reader trusts.
 */
export async function writeAtomically<T>(file: string, write: (tmp: string) => Promise<T>): Promise<T> {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    const value = await write(tmp);
    renameSync(tmp, target);
    return value;
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Hashes the finished file and records `export.created`. A read-only session cannot record
 * (another Tracelight holds the case, or it is a reviewer's copy): the export still happens,
 * the result says it was not recorded, and the caller shows the hash instead.
 */
export async function finishExport(
  session: CaseSession,
  kind: ExportKind,
  file: string,
  opts: ExportOptions,
  rows: number,
): Promise<ExportResult> {
  return recordExport(session, kind, file, rows, opts, {
    language: opts.language,
    detection: opts.detection ? { findings: opts.detection.findings.length, elapsed_s: opts.detection.elapsed_s } : null,
  });
}

/** The shared part of finishing any export: hash, then one custody entry with `details`. */
export async function recordExport<K extends string>(
  session: CaseSession,
  kind: K,
  file: string,
  rows: number,
  opts: Pick<ExportOptions, 'filter'>,
  details: Record<string, unknown> = {},
): Promise<ExportedFile & { kind: K; rows: number; recorded: boolean; notRecordedReason?: string }> {
  const target = path.resolve(file);
  const { bytes, sha256 } = await sha256File(target);
  const result = { kind, path: target, bytes, sha256, rows, recorded: false } as ExportedFile & { kind: K; rows: number; recorded: boolean; notRecordedReason?: string };
  if (session.readOnly) {
    result.notRecordedReason = `case is read-only: ${session.readOnlyReason}`;
    return result;
  }
  // Key order as before (kind, path, bytes, sha256, language, rows, filter, detection).
  const { language, ...rest } = details;
  session.record('export.created', {
    kind,
    path: target,
    bytes,
    sha256,
    ...(language !== undefined ? { language } : {}),
    rows,
    ...(opts.filter && Object.keys(opts.filter).length ? { filter: opts.filter } : {}),
    ...rest,
  });
  result.recorded = true;
  return result;
}
