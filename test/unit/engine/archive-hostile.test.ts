// Hostile .zip evidence, generated here: each kind of hostile entry (zip-slip, absolute path,
// symbolic link, encrypted, decompression bomb) is refused with a reason naming the entry,
// while the archive's good entries are still ingested; what cannot be judged per entry
// (the archive's declared total, overlapping entries) refuses the archive.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { UnreadableInputError } from '../../../electron/engine/errors';
import { readGzip } from '../../../electron/engine/ingest/gzip';
import { listEvidence } from '../../../electron/engine/store/evidence-registry';
import { MAX_ZIP_RATIO, openZip } from '../../../electron/engine/zip';
import { patchBytes } from '../package/zip-craft';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = readFileSync(samplePath('squid_native', 'logscale_squid_access.log'));
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

type Item = { name: string; data: Buffer; compress?: boolean; mode?: number };

async function zipBytes(items: Item[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const it of items) zip.addBuffer(it.data, it.name, { compress: it.compress ?? true, mtime: new Date('2026-10-05T00:00:00Z'), ...(it.mode ? { mode: it.mode } : {}) });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Rewrites the declared uncompressed size of the named entry (local and central headers). */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    const [sizeAt, nameAt] = sig === LOCAL ? [22, 30] : sig === CENTRAL ? [24, 46] : [-1, -1];
    if (sizeAt > 0 && out.subarray(i + nameAt, i + nameAt + name.length).toString() === name) out.writeUInt32LE(size, i + sizeAt);
  }
  return out;
}

/** Sets the encrypted flag (general purpose bit 0) of the named entry. */
function encrypt(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    const [at, nameAt] = sig === LOCAL ? [6, 30] : sig === CENTRAL ? [8, 46] : [-1, -1];
    if (at > 0 && out.subarray(i + nameAt, i + nameAt + name.length).toString() === name) out.writeUInt16LE(out.readUInt16LE(i + at) | 1, i + at);
  }
  return out;
}

async function ingestArchive(bytes: Buffer) {
  const dir = tempDir();
  const file = path.join(dir, 'evidence.zip');
  writeFileSync(file, bytes);
  const before = readdirSync(path.dirname(dir)).sort();
  const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
  try {
    const archive = await ingestWithCustody(s, { path: file, timezone: 'UTC' });
    const skipped = s.entries().filter((e) => e.action === 'evidence.entry-skipped').map((e) => JSON.parse(e.details) as { entry: string; reason: string });
    return { archive, skipped, evidence: listEvidence(s.store), outside: readdirSync(path.dirname(dir)).sort(), before };
  } finally {
    s.close();
  }
}

describe('a .zip with one hostile entry', () => {
  const hostile: [string, () => Promise<Buffer>, string, RegExp][] = [
    ['zip-slip', async () => patchBytes(await zipBytes([{ name: 'access.log', data: SQUID }, { name: 'aa/aa/x', data: Buffer.from('owned\n') }]), 'aa/aa/x', '../../x'), '../../x', /^refused: "\.\." path component \(traversal outside the archive\)$/],
    ['absolute path', async () => patchBytes(await zipBytes([{ name: 'access.log', data: SQUID }, { name: 'etc/pwned', data: Buffer.from('owned\n') }]), 'etc/pwned', '/et/pwned'), '/et/pwned', /^refused: absolute path$/],
    ['backslash path', async () => patchBytes(await zipBytes([{ name: 'access.log', data: SQUID }, { name: 'a/b/c.log', data: Buffer.from('x\n') }]), 'a/b/c.log', 'a\\..\\..\\x'), 'a\\..\\..\\x', /^refused: backslash in the entry name/],
    ['symbolic link', async () => zipBytes([{ name: 'access.log', data: SQUID }, { name: 'link.log', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), 'link.log', /^refused: symbolic link/],
    ['encrypted entry', async () => encrypt(await zipBytes([{ name: 'access.log', data: SQUID }, { name: 'secret.log', data: Buffer.from('x\n') }]), 'secret.log'), 'secret.log', /^encrypted: /],
    ['decompression bomb', async () => declareSize(await zipBytes([{ name: 'access.log', data: SQUID }, { name: 'bomb.log', data: Buffer.alloc(64 << 10) }]), 'bomb.log', 0x7fff_ffff), 'bomb.log', /^refused: inflates \d+ bytes to 2147483647 \(past 1000:1, possible decompression bomb\)$/],
  ];

  it.each(hostile)('%s: ingests the good entry and names the bad one', async (_kind, make, entry, reason) => {
    const r = await ingestArchive(await make());
    expect(r.archive.entries!.map((e) => [e.entry, e.status])).toEqual([['access.log', 'ingested'], [entry, 'failed']]);
    expect(r.archive.entries![1]!.reason).toMatch(reason);
    // The custody log names the entry and the reason too, and nothing was written outside.
    expect(r.skipped).toEqual([expect.objectContaining({ entry, reason: r.archive.entries![1]!.reason })]);
    expect(r.evidence.map((e) => e.name)).toEqual(['evidence.zip', 'evidence.zip/access.log']);
    expect(r.outside.filter((n) => !r.before.includes(n) && ['x', 'pwned', 'link.log'].includes(n))).toEqual([]);
  });

  it('refuses the archive whose entries declare more than the total-size cap, naming the total', async () => {
    let bytes = await zipBytes(Array.from({ length: 20 }, (_, i) => ({ name: `part${String(i).padStart(2, '0')}.log`, data: SQUID })));
    for (let i = 0; i < 20; i++) bytes = declareSize(bytes, `part${String(i).padStart(2, '0')}.log`, 0xffff_fff0);
    const err = await ingestArchive(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableInputError);
    expect((err as Error).message).toMatch(/^refused: entries total \d+ bytes uncompressed, more than the 34359738368 allowed$/);
  });

  it('refuses the archive when the per-entry cap is the strict one (packages: refuse, not mark)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'p.zip');
    writeFileSync(file, await zipBytes([{ name: 'link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]));
    await expect(openZip(file)).rejects.toThrow(`${file}: refused: entry "link": symbolic link (it would point outside the archive)`);
  });
});

describe('the ratio cap', () => {
  it('is 1000:1: a real, highly repetitive log at ~250:1 reads; one byte repeated past 1000:1 does not', async () => {
    expect(MAX_ZIP_RATIO).toBe(1000);
    // One firewall line repeated: compresses near the 250:1 that the old cap refused.
    const line = Buffer.from('Oct  5 09:12:41 fw01 kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.7 DST=10.0.0.5 PROTO=TCP SPT=443 DPT=49152\n');
    const repetitive = Buffer.concat(Array.from({ length: 60_000 }, () => line));
    const packed = await zipBytes([{ name: 'fw.log', data: repetitive }]);
    const r = await ingestArchive(packed);
    expect(repetitive.length / packed.length).toBeGreaterThan(200);
    expect(r.archive.entries!.map((e) => e.status)).toEqual(['ingested']);
    // gzip follows the same cap.
    const gz = gzipSync(Buffer.alloc(32 << 20), { level: 9 });
    const dir = tempDir();
    writeFileSync(path.join(dir, 'zeros.gz'), gz);
    const read = async () => {
      for await (const _chunk of readGzip(path.join(dir, 'zeros.gz'), () => {}));
    };
    await expect(read()).rejects.toThrow(/decompresses past 1000:1 \(possible decompression bomb\)/);
  });
});
