// Verifies an evidence package the way a careful reviewer would with standard tools, all at
// once: every entry is streamed and hashed, then compared with each list that vouches for it —
// SHA256SUMS, the BagIt manifests and Payload-Oxum, manifest.json (sizes, hashes, and the
// originals' digests recorded at ingest) — and the custody log's hash chain is recomputed.
// A changed byte, a missing file and a file no list mentions are all problems; a zip that
// cannot be read, or is hostile, is an error (ZipError) rather than a verdict.
import { createHash } from 'node:crypto';
import type { CustodyStatus } from '../../../common/custody';
import type { PackageCheck, PackageManifest, PackageProblem, PackageVerification } from '../../../common/package';
import { verifyChain } from '../../custody/chain';
import { openZip, ZipError, type SafeZip } from '../../zip';
import { BAG_INFO_TXT, BAGIT_TXT, CUSTODY_LOG, MANIFEST_JSON, MANIFEST_SHA256, PAYLOAD_DIR, SHA256SUMS, TAGMANIFEST_SHA256 } from './layout';
import { bagitTxt } from './bagit';
import { parseBagManifest, parseSha256Sums, parseTagFile, type ChecksumList } from './checksum-files';
import { parseCustodyJsonl } from './custody-log';

/** Files read into memory while hashed (all small text); anything bigger is refused. */
const TEXT_FILES = new Set([SHA256SUMS, BAGIT_TXT, BAG_INFO_TXT, MANIFEST_SHA256, TAGMANIFEST_SHA256, MANIFEST_JSON, CUSTODY_LOG]);
const MAX_TEXT_BYTES = 256 << 20;

interface Hashed {
  bytes: number;
  sha256: string;
}

export async function verifyPackage(file: string): Promise<PackageVerification> {
  const zip = await openZip(file);
  try {
    return await verifyOpen(file, zip);
  } finally {
    zip.close();
  }
}

async function verifyOpen(file: string, zip: SafeZip): Promise<PackageVerification> {
  const hashed = new Map<string, Hashed>();
  const texts = new Map<string, string>();
  for (const entry of zip.entries) {
    if (entry.isDirectory) continue;
    const keep = TEXT_FILES.has(entry.name);
    if (keep && entry.size > MAX_TEXT_BYTES) throw new ZipError(`${file}: entry "${entry.name}" is ${entry.size} bytes, too large for a package list`);
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of await zip.openEntry(entry)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      if (keep) chunks.push(chunk as Buffer);
    }
    hashed.set(entry.name, { bytes, sha256: hash.digest('hex') });
    if (keep) texts.set(entry.name, Buffer.concat(chunks).toString('utf8'));
  }
  if (![SHA256SUMS, BAGIT_TXT, MANIFEST_JSON].some((n) => hashed.has(n))) {
    throw new ZipError(`${file}: not a Tracelight evidence package (no ${SHA256SUMS}, ${BAGIT_TXT} or ${MANIFEST_JSON})`);
  }

  const problems: PackageProblem[] = [];
  const checks: PackageCheck[] = [];
  const run = (name: string, found: PackageProblem[], okDetail: string): void => {
    checks.push({ name, ok: found.length === 0, detail: found.length ? `${found.length} problem(s)` : okDetail });
    problems.push(...found);
  };

  // 1. SHA256SUMS lists every other file: sha256sum -c plus "nothing unlisted".
  const sums = texts.has(SHA256SUMS) ? parseSha256Sums(texts.get(SHA256SUMS)!) : null;
  run(SHA256SUMS, sums ? compareList(SHA256SUMS, sums, hashed, (p) => p !== SHA256SUMS) : [missing(SHA256SUMS)], `${sums?.entries.size ?? 0} files match`);

  // 2. BagIt: bagit.txt, payload manifest (exactly the data/ files), tag manifest, Payload-Oxum.
  run('BagIt', checkBag(texts, hashed), 'bag is complete and valid');

  // 3. manifest.json: every payload file with size and hash; the originals' recorded digests.
  const manifest = readManifest(texts.get(MANIFEST_JSON));
  run(MANIFEST_JSON, checkManifest(manifest, texts.has(MANIFEST_JSON), hashed), `${manifest.value?.files.length ?? 0} files and ${manifest.value?.evidence.length ?? 0} evidence originals match`);

  // 4. The custody chain, recomputed from the JSONL and anchored by manifest.json.
  const custody = checkCustody(texts.get(CUSTODY_LOG), manifest.value);
  run('custody log', custody.problems, custody.status ? `${custody.status.count} entries, chain intact` : '');

  return {
    package: file,
    ok: problems.length === 0,
    checks,
    problems: dedupe(problems),
    entries: hashed.size,
    custody: custody.status,
    manifest: manifest.value,
  };
}

function missing(path: string, detail = 'listed but not in the package'): PackageProblem {
  return { kind: 'missing', path, detail: `${path}: ${detail}` };
}

/** Listed files must exist and match; files in scope that the list omits were added. */
function compareList(listName: string, list: ChecksumList, hashed: Map<string, Hashed>, inScope: (p: string) => boolean): PackageProblem[] {
  const found: PackageProblem[] = list.bad.map((l) => ({ kind: 'structure', path: listName, detail: `${listName}: ${l} is not "<sha256>  <path>"` }));
  for (const [p, expected] of list.entries) {
    const actual = hashed.get(p);
    if (!actual) found.push(missing(p, `listed in ${listName} but not in the package`));
    else if (actual.sha256 !== expected) found.push({ kind: 'changed', path: p, detail: `${p}: SHA-256 ${actual.sha256} does not match ${listName} (${expected})` });
  }
  for (const p of hashed.keys()) {
    if (inScope(p) && !list.entries.has(p)) found.push({ kind: 'added', path: p, detail: `${p}: in the package but not listed in ${listName}` });
  }
  return found;
}

function checkBag(texts: Map<string, string>, hashed: Map<string, Hashed>): PackageProblem[] {
  const found: PackageProblem[] = [];
  const bagit = texts.get(BAGIT_TXT);
  if (bagit === undefined) found.push(missing(BAGIT_TXT, 'required by BagIt'));
  else if (bagit.replace(/\r\n/g, '\n') !== bagitTxt()) found.push({ kind: 'changed', path: BAGIT_TXT, detail: `${BAGIT_TXT}: not the BagIt 1.0 declaration` });
  const payload = texts.get(MANIFEST_SHA256);
  if (payload === undefined) found.push(missing(MANIFEST_SHA256, 'required by BagIt'));
  else found.push(...compareList(MANIFEST_SHA256, parseBagManifest(payload), hashed, (p) => p.startsWith(PAYLOAD_DIR)));
  const tags = texts.get(TAGMANIFEST_SHA256);
  if (tags === undefined) found.push(missing(TAGMANIFEST_SHA256));
  // Tag manifests cover the tag files they name (RFC 8493 §2.2.1); nothing is "added" to them.
  else found.push(...compareList(TAGMANIFEST_SHA256, parseBagManifest(tags), hashed, () => false));
  const oxum = parseTagFile(texts.get(BAG_INFO_TXT) ?? '').get('Payload-Oxum')?.[0];
  const data = [...hashed].filter(([p]) => p.startsWith(PAYLOAD_DIR));
  const actual = `${data.reduce((n, [, h]) => n + h.bytes, 0)}.${data.length}`;
  if (!texts.has(BAG_INFO_TXT)) found.push(missing(BAG_INFO_TXT));
  else if (oxum !== actual) found.push({ kind: 'mismatch', path: BAG_INFO_TXT, detail: `${BAG_INFO_TXT}: Payload-Oxum ${oxum ?? '(none)'} but the payload is ${actual} (octets.files)` });
  return found;
}

function readManifest(text: string | undefined): { value: PackageManifest | null; error?: string } {
  if (text === undefined) return { value: null };
  try {
    const v = JSON.parse(text) as PackageManifest;
    if (v?.format !== 'tracelight-evidence-package' || !Array.isArray(v.files) || !Array.isArray(v.evidence)) return { value: null, error: 'not a Tracelight package manifest' };
    return { value: v };
  } catch (err) {
    return { value: null, error: `not JSON (${(err as Error).message})` };
  }
}

function checkManifest(m: { value: PackageManifest | null; error?: string }, present: boolean, hashed: Map<string, Hashed>): PackageProblem[] {
  if (!present) return [missing(MANIFEST_JSON)];
  if (!m.value) return [{ kind: 'structure', path: MANIFEST_JSON, detail: `${MANIFEST_JSON}: ${m.error}` }];
  const found: PackageProblem[] = [];
  const listed = new Set<string>();
  for (const f of m.value.files) {
    listed.add(f.path);
    const actual = hashed.get(f.path);
    if (!actual) found.push(missing(f.path, `listed in ${MANIFEST_JSON} but not in the package`));
    else if (actual.sha256 !== f.sha256 || actual.bytes !== f.bytes) {
      found.push({ kind: 'changed', path: f.path, detail: `${f.path}: ${actual.bytes} bytes, SHA-256 ${actual.sha256}; ${MANIFEST_JSON} says ${f.bytes} bytes, ${f.sha256}` });
    }
  }
  for (const p of hashed.keys()) {
    if (p.startsWith(PAYLOAD_DIR) && p !== MANIFEST_JSON && !listed.has(p)) found.push({ kind: 'added', path: p, detail: `${p}: in the package but not listed in ${MANIFEST_JSON}` });
  }
  // The originals must still be the bytes that were ingested: the digest in the case registry.
  for (const ev of m.value.evidence) {
    if (ev.containedIn || ev.packagePath === null) continue;
    const actual = hashed.get(ev.packagePath);
    if (actual && actual.sha256 !== ev.sha256) {
      found.push({ kind: 'changed', path: ev.packagePath, detail: `${ev.packagePath}: not the original ${ev.exhibit ?? ''} ${ev.originalName} as ingested (SHA-256 recorded at ingest ${ev.sha256})` });
    }
  }
  return found;
}

function checkCustody(text: string | undefined, manifest: PackageManifest | null): { status: CustodyStatus | null; problems: PackageProblem[] } {
  if (text === undefined) return { status: null, problems: [missing(CUSTODY_LOG)] };
  let status: CustodyStatus;
  try {
    status = verifyChain(parseCustodyJsonl(text));
  } catch (err) {
    return { status: null, problems: [{ kind: 'custody', path: CUSTODY_LOG, detail: `${CUSTODY_LOG}: ${(err as Error).message}` }] };
  }
  const problems: PackageProblem[] = [];
  if (!status.ok) problems.push({ kind: 'custody', path: CUSTODY_LOG, detail: `custody chain broken at entry ${status.problem!.entryId}: ${status.problem!.reason}` });
  else if (manifest && (manifest.custody.count !== status.count || manifest.custody.head !== status.head)) {
    problems.push({
      kind: 'custody',
      path: CUSTODY_LOG,
      detail: `the custody log holds ${status.count} entries ending ${status.head}; ${MANIFEST_JSON} records ${manifest.custody.count} ending ${manifest.custody.head} (entries cut off or added)`,
    });
  }
  return { status, problems };
}

/** One problem per file and kind, however many lists caught it. */
function dedupe(problems: PackageProblem[]): PackageProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.kind}\u0000${p.path ?? p.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
