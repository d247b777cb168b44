// Writes an evidence package: the originals (re-hashed first; a package is refused if any
// no longer matches the case), the PDF report and XLSX workbook, the custody log, the case
// database, manifest.json and the CASE/UCO provenance, all under data/ as a BagIt bag, with
// SHA256SUMS and README.txt at the root. The zip is streamed (ZIP64 when an original passes
// 4 GiB), appears under its name only when complete, and is recorded as export.created.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageFileRole } from '../../../common/package';
import type { CaseSession } from '../../custody/session';
import { countEvents } from '../../store/event-queries';
import { workstation } from '../../custody/identity';
import { VERSION } from '../../version';
import { MAX_ZIP_RATIO, openZip, safeEntryComponent } from '../../zip';
import { sha256File, writeAtomically } from '../finish';
import type { ExportedFile, ExportOptions } from '../types';
import { custodyJsonl } from './custody-log';
import { CASE_DIR, CUSTODY_LOG, MANIFEST_JSON, PROVENANCE_JSONLD, REPORT_PDF, REPORT_XLSX } from './layout';
import { PackageError, planOriginals, type OriginalsPlan } from './originals';
import { manifestFile, provenanceFile, rootFiles, type PackageContext } from './tag-files';
import { HashingZipWriter, type WrittenEntry } from './zip-writer';

export interface PackageOptions extends ExportOptions {
  /** Copy the evidence originals into the package (default true). */
  includeOriginals?: boolean;
}

export interface PackageResult extends ExportedFile {
  /** Files in the zip. */
  files: number;
  recorded: boolean;
  notRecordedReason?: string;
}

export type ReportWriter = (session: CaseSession, file: string, opts: ExportOptions) => Promise<ExportedFile>;

export interface ReportWriters {
  pdf: ReportWriter;
  xlsx: ReportWriter;
}

interface PayloadSource {
  entryPath: string;
  file: string;
  role: PackageFileRole;
  compress: boolean;
}

export async function buildEvidencePackage(session: CaseSession, file: string, opts: PackageOptions, writers: ReportWriters): Promise<PackageResult> {
  const target = path.resolve(file);
  const plan = await planOriginals(session.store, opts.includeOriginals !== false);
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.parts-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging, { recursive: false });
  try {
    // The reports first: their export.created entries then belong to the packaged custody log.
    await writers.pdf(session, path.join(staging, 'report.pdf'), opts);
    await writers.xlsx(session, path.join(staging, 'workbook.xlsx'), opts);
    const ctx = context(session, opts, plan);
    writeFileSync(path.join(staging, 'custody-log.jsonl'), custodyJsonl(ctx.custody));
    const caseFile = `${safeEntryComponent(ctx.caseName || 'case', 100)}.tlcase`;
    snapshotCase(session, path.join(staging, caseFile));

    const sources: PayloadSource[] = [
      ...plan.files.map((o) => ({ entryPath: o.entryPath, file: o.file, role: 'evidence' as const, compress: !isCompressed(o.file) })),
      { entryPath: REPORT_PDF, file: path.join(staging, 'report.pdf'), role: 'report-pdf', compress: true },
      { entryPath: REPORT_XLSX, file: path.join(staging, 'workbook.xlsx'), role: 'report-xlsx', compress: false },
      { entryPath: CUSTODY_LOG, file: path.join(staging, 'custody-log.jsonl'), role: 'custody-log', compress: true },
      { entryPath: `${CASE_DIR}${caseFile}`, file: path.join(staging, caseFile), role: 'case-database', compress: true },
    ];
    const files = await writeAtomically(target, async (tmp) => {
      let stored = new Set<string>();
      // A pathological original (one line repeated a million times) deflates past the ratio
      // that readers refuse as a bomb, our own verify included; such entries are stored instead.
      for (let attempt = 0; ; attempt++) {
        const written = await writeZip(tmp, sources, stored, ctx, plan);
        const tooDense = await denseEntries(tmp);
        if (tooDense.size === 0 || attempt > 0) return written.length;
        rmSync(tmp, { force: true });
        stored = tooDense;
      }
    });
    const { bytes, sha256 } = await sha256File(target);
    const result: PackageResult = { path: target, bytes, sha256, files, recorded: false };
    if (session.readOnly) {
      result.notRecordedReason = `case is read-only: ${session.readOnlyReason}`;
      return result;
    }
    session.record('export.created', {
      kind: 'package',
      path: target,
      sha256,
      bytes,
      files,
      language: opts.language,
      originals: plan.files.length,
      custodyHead: ctx.custodyHead,
      custodyCount: ctx.custody.length,
    });
    result.recorded = true;
    return result;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function context(session: CaseSession, opts: PackageOptions, plan: OriginalsPlan): PackageContext {
  const s = session.store;
  const meta = s.meta();
  const listed = (s.getMeta('examiners') ?? '').split(/[,、;\n]/).map((x) => x.trim()).filter(Boolean);
  return {
    caseId: meta.caseId,
    caseName: meta.name,
    caseNumber: s.getMeta('caseNumber') ?? '',
    organization: s.getMeta('organization') ?? '',
    examiners: listed.length ? listed : [session.examiner.name],
    timezone: meta.timezone,
    caseCreatedAt: meta.createdAt,
    events: countEvents(s),
    exporter: session.examiner.name,
    workstation: workstation(),
    version: VERSION,
    createdAt: new Date().toISOString(),
    language: opts.language,
    plan,
    custody: session.entries(),
    custodyHead: session.chain.head,
  };
}

async function writeZip(tmp: string, sources: PayloadSource[], stored: Set<string>, ctx: PackageContext, plan: OriginalsPlan): Promise<WrittenEntry[]> {
  const zip = new HashingZipWriter(tmp);
  try {
    const roles = new Map<string, PackageFileRole>(sources.map((s) => [s.entryPath, s.role]));
    roles.set(PROVENANCE_JSONLD, 'provenance');
    const roleOf = (p: string): PackageFileRole => roles.get(p) ?? 'provenance';
    const payload: WrittenEntry[] = [];
    for (const s of sources) payload.push(await zip.addFile(s.entryPath, s.file, { compress: s.compress && !stored.has(s.entryPath) }));
    // Hashed as they went in: an original that changed since the check above is caught here.
    const changed = plan.files.filter((o) => payload.find((p) => p.path === o.entryPath)?.sha256 !== o.info.sha256);
    if (changed.length) {
      throw new PackageError(`cannot package: evidence changed while it was being packaged: ${changed.map((o) => `${o.info.exhibit ?? ''} ${o.file}`).join('; ')}`);
    }
    const mtime = new Date(ctx.createdAt);
    payload.push(await zip.addBuffer(PROVENANCE_JSONLD, provenanceFile(ctx, payload, roleOf), { mtime }));
    payload.push(await zip.addBuffer(MANIFEST_JSON, manifestFile(ctx, payload, roleOf), { mtime }));
    for (const f of rootFiles(ctx, payload)) await zip.addBuffer(f.path, f.text(zip.written), { mtime });
    return await zip.finish();
  } catch (err) {
    await zip.abort();
    throw err;
  }
}

/**
 * The case database as it stands, entries just recorded included. A writer saves (atomically)
 * and the saved file is copied; a read-only session has nothing it may save, so the database
 * as it holds it is written to the target instead (the case file stays as it is).
 */
function snapshotCase(session: CaseSession, target: string): void {
  if (session.readOnly) {
    session.store.writeTo(target);
    return;
  }
  session.checkpoint(true);
  copyFileSync(session.path, target);
}

/** Entries whose deflate ratio readers would refuse as a bomb. */
async function denseEntries(file: string): Promise<Set<string>> {
  const zip = await openZip(file, { maxRatio: Infinity });
  try {
    return new Set(zip.entries.filter((e) => e.size > 1 << 20 && e.size > e.compressedSize * MAX_ZIP_RATIO).map((e) => e.name));
  } finally {
    zip.close();
  }
}

/** gzip, zip, bzip2, xz, 7z, zstd: deflating them again only costs time. */
function isCompressed(file: string): boolean {
  const head = Buffer.alloc(6);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 6, 0);
  } finally {
    closeSync(fd);
  }
  const hex = head.toString('hex');
  return ['1f8b', '504b0304', '425a68', 'fd377a585a00', '377abcaf271c', '28b52ffd'].some((m) => hex.startsWith(m));
}

