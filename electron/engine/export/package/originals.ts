// The evidence originals that go into a package. Each must still be the file that was
// ingested: its bytes are hashed now and compared with the digests recorded at ingest; a
// package is refused (naming every file that differs or is gone) rather than handed to a
// lawyer with an original that no longer matches the case. Logs that came out of a .zip are
// not separate files: their archive is packaged, and they point to it.
import type { PackageEvidenceInfo } from '../../../common/package';
import { verifyOne, type RegisteredEvidence } from '../../custody/verify-evidence';
import { UnreadableInputError } from '../../errors';
import type { CaseStore } from '../../store/case-store';
import { safeEntryComponent } from '../../zip/entry-name';
import { EVIDENCE_DIR } from './layout';

/** A package that cannot be written as asked; one line for the CLI, a message for the UI. */
export class PackageError extends UnreadableInputError {}

interface Row extends RegisteredEvidence {
  mtime: string;
  format: string;
  provided_by: string | null;
  acquired_at: string | null;
  acquired_how: string | null;
  source_host: string | null;
  parent_id: number | null;
}

export interface Original {
  /** The file on disk, as ingested. */
  file: string;
  entryPath: string;
  info: PackageEvidenceInfo;
}

export interface OriginalsPlan {
  /** Files to copy into the package (each once). */
  files: Original[];
  /** Every packaged registry entry, including logs inside a packaged archive. */
  evidence: PackageEvidenceInfo[];
  omitted: { evidenceId: number; exhibit: string | null; name: string; reason: string }[];
}

export async function planOriginals(store: CaseStore, include = true): Promise<OriginalsPlan> {
  const rows = readRows(store);
  const plan: OriginalsPlan = { files: [], evidence: [], omitted: [] };
  if (!include) {
    // Listed with their digests, so the report and manifest still name every original.
    plan.evidence = rows.filter((r) => r.status === 'complete' && r.sha256).map((r) => info(r, null));
    return plan;
  }
  const problems: string[] = [];
  const used = new Set<string>();
  const byId = new Map<number, Original>();
  for (const r of rows.filter((x) => x.parent_id === null)) {
    // The same check as `tracelight verify` (all three digests), so a package never certifies
    // an original that verification would call altered.
    const check = await verifyOne(r);
    if (check.status === 'incomplete') {
      plan.omitted.push({ evidenceId: r.id, exhibit: r.exhibit, name: r.name, reason: 'never fully ingested: no recorded digest to check the original against' });
      continue;
    }
    const label = `${r.exhibit ?? `#${r.id}`} ${r.name} (${r.path})`;
    if (check.status === 'missing') {
      problems.push(`${label}: ${check.detail}`);
      continue;
    }
    if (check.status === 'altered') {
      problems.push(`${label}: altered since ingest (${check.detail}; SHA-256 ${check.actualSha256} instead of the recorded ${r.sha256})`);
    }
    const entryPath = uniquePath(used, r);
    const original: Original = { file: r.path, entryPath, info: info(r, entryPath) };
    byId.set(r.id, original);
    plan.files.push(original);
    plan.evidence.push(original.info);
  }
  if (problems.length) {
    throw new PackageError(`cannot package: ${problems.length} evidence original(s) no longer match the case: ${problems.join('; ')}`);
  }
  for (const r of rows.filter((x) => x.parent_id !== null)) {
    const parent = byId.get(r.parent_id!);
    if (!parent || r.status !== 'complete' || !r.sha256) {
      plan.omitted.push({ evidenceId: r.id, exhibit: r.exhibit, name: r.name, reason: parent ? 'never fully ingested' : `its archive (evidence #${r.parent_id}) is not in the package` });
      continue;
    }
    plan.evidence.push({ ...info(r, parent.entryPath), containedIn: { evidenceId: r.parent_id!, entryName: r.entry_name } });
  }
  return plan;
}

function readRows(store: CaseStore): Row[] {
  // parent_id/entry_name come with zip evidence (migration 5); older layouts have neither.
  const columns = new Set(store.all<{ name: string }>('PRAGMA table_info(evidence)').map((c) => c.name));
  const zipColumns = columns.has('parent_id') ? 'parent_id, entry_name' : 'NULL AS parent_id, NULL AS entry_name';
  return store.all<Row>(
    `SELECT id, exhibit, name, path, size, mtime, sha256, sha1, md5, format, status,
            provided_by, acquired_at, acquired_how, source_host, ${zipColumns}
     FROM evidence ORDER BY id`,
  );
}

/** data/evidence/<exhibit>_<name>; the evidence id is added when two would collide. */
function uniquePath(used: Set<string>, r: Row): string {
  const name = safeEntryComponent(r.name.split(/[\\/]/).pop() ?? r.name, 120);
  let candidate = `${EVIDENCE_DIR}${safeEntryComponent(r.exhibit ?? `E${r.id}`, 40)}_${name}`;
  if (used.has(candidate.toLowerCase())) candidate = `${EVIDENCE_DIR}${safeEntryComponent(r.exhibit ?? 'E', 40)}_${r.id}_${name}`;
  // Case-insensitive: the package is extracted on Windows and macOS too.
  used.add(candidate.toLowerCase());
  return candidate;
}

function info(r: Row, packagePath: string | null): PackageEvidenceInfo {
  return {
    evidenceId: r.id,
    packagePath,
    exhibit: r.exhibit,
    originalName: r.name,
    originalPath: r.path,
    size: r.size,
    mtime: r.mtime,
    format: r.format,
    sha256: r.sha256 ?? '',
    sha1: r.sha1,
    md5: r.md5,
    providedBy: r.provided_by,
    acquiredAt: r.acquired_at,
    acquiredHow: r.acquired_how,
    sourceHost: r.source_host,
  };
}
