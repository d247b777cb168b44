// Re-hashes every evidence file at the path it was ingested from and compares SHA-256,
// SHA-1 and MD5 with the registry: intact, altered (any digest differs), missing (cannot
// be read), or incomplete (never fully ingested, so there is nothing to compare with).
// An entry of a .zip is re-hashed from the archive (its digests are of the entry's bytes).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { EvidenceVerification } from '../../common/custody';
import type { CaseStore } from '../store/case-store';
import { openZip } from '../zip';

/** The registry fields a re-hash needs (a package reads these and more). */
export interface RegisteredEvidence {
  id: number;
  exhibit: string | null;
  name: string;
  path: string;
  size: number;
  sha256: string | null;
  sha1: string | null;
  md5: string | null;
  status: string;
  entry_name: string | null;
}

export async function verifyEvidence(store: CaseStore): Promise<EvidenceVerification[]> {
  const rows = store.all<RegisteredEvidence>('SELECT id, exhibit, name, path, size, sha256, sha1, md5, status, entry_name FROM evidence ORDER BY id');
  const out: EvidenceVerification[] = [];
  for (const r of rows) out.push(await verifyOne(r));
  return out;
}

/** Re-hashes one registered evidence file (or zip entry) and compares it with the registry. */
export async function verifyOne(r: RegisteredEvidence): Promise<EvidenceVerification> {
  const base = { evidenceId: r.id, exhibit: r.exhibit, name: r.name, path: r.path, expectedSha256: r.sha256 };
  if (r.status !== 'complete' || !r.sha256) return { ...base, status: 'incomplete', detail: 'never fully ingested: no registered digest' };
  let actual: { sha256: string; sha1: string; md5: string; size: number };
  try {
    actual = r.entry_name === null ? await hashFile(r.path) : await hashZipEntry(r.path, r.entry_name);
  } catch (err) {
    return { ...base, status: 'missing', detail: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  const differs = [
    actual.sha256 !== r.sha256 && 'SHA-256',
    actual.sha1 !== r.sha1 && 'SHA-1',
    actual.md5 !== r.md5 && 'MD5',
  ].filter(Boolean);
  return {
    ...base,
    actualSha256: actual.sha256,
    status: differs.length ? 'altered' : 'intact',
    detail: differs.length ? `${differs.join(', ')} differ; size ${r.size} -> ${actual.size}` : undefined,
  };
}

export async function hashFile(file: string): Promise<{ sha256: string; sha1: string; md5: string; size: number }> {
  return hashChunks(createReadStream(file, { highWaterMark: 1 << 20 }));
}

async function hashZipEntry(file: string, entryName: string): Promise<{ sha256: string; sha1: string; md5: string; size: number }> {
  // No ratio cap here: the entry was checked when it was ingested, and altered bytes are what this looks for.
  const zip = await openZip(file, { maxRatio: Infinity });
  try {
    const entry = zip.entries.find((e) => e.name === entryName);
    if (!entry) throw new Error(`entry "${entryName}" is no longer in the archive`);
    return await hashChunks(await zip.openEntry(entry));
  } finally {
    zip.close();
  }
}

async function hashChunks(stream: AsyncIterable<unknown>): Promise<{ sha256: string; sha1: string; md5: string; size: number }> {
  const hs = [createHash('sha256'), createHash('sha1'), createHash('md5')] as const;
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    for (const h of hs) h.update(chunk);
    size += chunk.length;
  }
  const [sha256, sha1, md5] = hs.map((h) => h.digest('hex')) as [string, string, string];
  return { sha256, sha1, md5, size };
}
