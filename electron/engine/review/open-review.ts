// Reviewer mode: an evidence package opened read-only for a legal team. The package is
// verified first (the result is what the reviewer sees first); then the case database is
// extracted to a private temporary folder under a name of our choosing (never the entry's),
// made read-only on disk, and opened for inspection only: no lock taken or stolen, no journal,
// no custody entry, nothing saved. The PDF report is extracted beside it for download.
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { EvidenceVerification } from '../../common/custody';
import type { PackageVerification, ReviewInfo } from '../../common/package';
import { CaseSession } from '../custody/session';
import { CASE_DIR, REPORT_PDF } from '../export/package/layout';
import { PackageError } from '../export/package/originals';
import { verifyPackage } from '../export/package/verify-package';
import { openZip, type SafeZip, type ZipEntry } from '../zip';

/**
 * Largest case database a package may hold: far past what one examiner's cases reach (a few
 * million events, ~2 GB), and a bound on what extracting it may write to the temp folder.
 */
const MAX_CASE_BYTES = 4 * 1024 ** 3;

export interface OpenedReview {
  session: CaseSession;
  info: ReviewInfo;
  /** The extracted PDF report, or null when the package has none (or it failed verification). */
  reportFile: string | null;
  /** The registry's originals as the package holds them (the reviewer has no original paths). */
  evidenceVerification(): EvidenceVerification[];
  /** Removes the extracted files; the session is closed by its owner first. */
  dispose(): void;
}

export async function openReview(packagePath: string, opts: { examiner?: string } = {}): Promise<OpenedReview> {
  const file = path.resolve(packagePath);
  const verification = await verifyPackage(file);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-review-'));
  try {
    const zip = await openZip(file);
    let caseFile: string;
    let reportFile: string | null = null;
    try {
      const caseEntry = findCaseEntry(zip, verification);
      if (!caseEntry) throw new PackageError(`${file}: the package holds no case database (${CASE_DIR}*.tlcase); it cannot be reviewed`);
      if (caseEntry.size > MAX_CASE_BYTES) throw new PackageError(`${file}: the case database is ${caseEntry.size} bytes, more than a case can be`);
      caseFile = await extract(zip, caseEntry, path.join(dir, 'case.tlcase'));
      const report = zip.entries.find((e) => e.name === REPORT_PDF);
      const reportIntact = report && !verification.problems.some((p) => p.path === REPORT_PDF);
      if (report && reportIntact) reportFile = await extract(zip, report, path.join(dir, 'report.pdf'));
    } finally {
      zip.close();
    }
    const session = await CaseSession.open(caseFile, { readOnly: true, examiner: opts.examiner });
    const name = path.basename(file);
    crossCheckCustody(session, verification);
    session.readOnlyReason = `reviewer mode: evidence package ${name} (${verification.ok ? 'verified intact' : 'verification FAILED'})`;
    session.readOnlyCode = { code: verification.ok ? 'readOnly.reviewIntact' : 'readOnly.reviewFailed', params: { name } };
    return {
      session,
      info: { packagePath: file, packageName: name, verification, hasReport: reportFile !== null },
      reportFile,
      evidenceVerification: () => fromPackage(session, verification),
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function findCaseEntry(zip: SafeZip, v: PackageVerification): ZipEntry | undefined {
  const listed = v.manifest?.files.find((f) => f.role === 'case-database')?.path;
  return zip.entries.find((e) => (listed ? e.name === listed : e.name.startsWith(CASE_DIR) && e.name.endsWith('.tlcase')));
}

async function extract(zip: SafeZip, entry: ZipEntry, target: string): Promise<string> {
  // 'wx' in a fresh private folder: nothing of the package's choosing decides where bytes land.
  await pipeline(await zip.openEntry(entry), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  chmodSync(target, 0o400);
  return target;
}

/**
 * The case database carries its own custody log; it must be the log the package vouches for
 * (same count and head as custody-log.jsonl and manifest.json), or the reviewer is told.
 */
function crossCheckCustody(session: CaseSession, v: PackageVerification): void {
  const anchor = v.manifest?.custody;
  const db = session.chain;
  const problem = !db.ok
    ? `the case database's custody chain is broken at entry ${db.problem?.entryId}: ${db.problem?.reason}`
    : anchor && (anchor.count !== db.count || anchor.head !== db.head)
      ? `the case database's custody log (${db.count} entries, head ${db.head}) is not the one the package records (${anchor.count}, ${anchor.head})`
      : null;
  if (!problem) return;
  v.problems.push({ kind: 'custody', path: v.manifest?.files.find((f) => f.role === 'case-database')?.path, detail: problem });
  v.checks.push({ name: 'case database custody', ok: false, detail: problem });
  v.ok = false;
}

/** Each registry entry's original, judged by the package verification of the file holding it. */
function fromPackage(session: CaseSession, v: PackageVerification): EvidenceVerification[] {
  const byId = new Map((v.manifest?.evidence ?? []).map((e) => [e.evidenceId, e]));
  const rows = session.store.all<{ id: number; exhibit: string | null; name: string; path: string; sha256: string | null }>(
    'SELECT id, exhibit, name, path, sha256 FROM evidence ORDER BY id',
  );
  return rows.map((r) => {
    const packaged = byId.get(r.id);
    const base = { evidenceId: r.id, exhibit: r.exhibit, name: r.name, path: packaged?.packagePath ?? r.path, expectedSha256: r.sha256 };
    if (!packaged?.packagePath) return { ...base, status: 'missing' as const, detail: 'not included in the package' };
    const problem = v.problems.find((p) => p.path === packaged.packagePath);
    if (problem) return { ...base, status: problem.kind === 'missing' ? ('missing' as const) : ('altered' as const), detail: problem.detail };
    if (packaged.sha256 !== r.sha256) return { ...base, status: 'altered' as const, detail: 'the package manifest and the case database disagree on its digest' };
    return { ...base, status: 'intact' as const, actualSha256: packaged.sha256, detail: packaged.containedIn ? `inside ${packaged.packagePath}` : 'verified in the package' };
  });
}

let uploads: string | null = null;

/** Where serve mode receives packages uploaded for review: private to this process, removed at exit. */
export function reviewUploadDir(): string {
  if (!uploads) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-review-uploads-'));
    uploads = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return uploads;
}
