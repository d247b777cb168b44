// .zip evidence (issue 3): the archive hashed as given, each log inside it its own evidence,
// hostile archives refused with the zip and the entry named.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { verifyEvidence } from '../../../electron/engine/custody/verify-evidence';
import { eventDetail } from '../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../electron/engine/store/event-pages';
import { listEvidence } from '../../../electron/engine/store/evidence-registry';
import { fileHashes } from '../helpers/hash';
import { repoRoot, samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = readFileSync(samplePath('squid_native', 'logscale_squid_access.log'));
const CP932_CSV = readFileSync(path.join(repoRoot, 'test', 'fixtures', 'encodings', 'defender_file_events_cp932.csv'));
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 0)]);

type Item = { name: string; data?: Buffer; compress?: boolean };

async function writeZip(file: string, items: Item[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const it of items) {
    if (it.data === undefined) zip.addEmptyDirectory(it.name, { mtime: new Date('2026-10-05T00:00:00Z') });
    else zip.addBuffer(it.data, it.name, { compress: it.compress ?? true, mtime: new Date('2026-10-05T00:00:00Z') });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function openCase(dir: string): Promise<CaseSession> {
  return CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
}

describe('.zip evidence', () => {
  it('ingests each log entry as its own evidence, linked to the archive hashed as given', async () => {
    const dir = tempDir();
    const zipFile = await writeZip(path.join(dir, 'export.zip'), [
      { name: 'proxy/' },
      { name: 'proxy/access.log', data: SQUID },
      { name: 'edr/DeviceFileEvents.csv', data: CP932_CSV, compress: false },
      { name: 'edr/screenshot.png', data: PNG },
    ]);
    const s = await openCase(dir);
    const archive = await ingestWithCustody(s, { path: zipFile, timezone: 'UTC' });

    expect({ sha256: archive.sha256, sha1: archive.sha1, md5: archive.md5 }).toEqual(fileHashes(zipFile));
    expect([archive.format, archive.container, archive.exhibit, archive.status]).toEqual(['zip', 'zip-archive', 'EX-001', 'complete']);
    expect(archive.entries!.map((e) => [e.entry, e.status])).toEqual([
      ['proxy/', 'skipped'],
      ['proxy/access.log', 'ingested'],
      ['edr/DeviceFileEvents.csv', 'ingested'],
      ['edr/screenshot.png', 'skipped'],
    ]);
    expect(archive.entries![0]!.reason).toBe('directory');
    expect(archive.entries![3]!.reason).toMatch(/binary/);

    const rows = listEvidence(s.store).filter((e) => e.parent_id === archive.id);
    expect(rows.map((e) => [e.name, e.entry_name, e.format, e.events, e.rejected, e.exhibit, e.container, e.path])).toEqual([
      ['export.zip/proxy/access.log', 'proxy/access.log', 'squid', 5, 0, 'EX-001.1', 'zip', zipFile],
      ['export.zip/edr/DeviceFileEvents.csv', 'edr/DeviceFileEvents.csv', 'defender-hunting-csv', 2, 0, 'EX-001.2', 'zip', zipFile],
    ]);
    // Each entry's digests are of its own (uncompressed) bytes.
    expect(rows.map((e) => e.sha256)).toEqual([sha256(SQUID), sha256(CP932_CSV)]);
    expect(rows[1]!.encoding).toBe('shift_jis');

    // The original record comes back out of the archive, deflated or stored.
    const squidEvents = firstEvents(s.store, { evidenceId: rows[0]!.id }, 10);
    expect(eventDetail(s.store, Number(squidEvents[4]!.id)).original).toBe(SQUID.toString('utf8').split('\n')[4]);
    const csvEvent = firstEvents(s.store, { evidenceId: rows[1]!.id }, 1)[0]!;
    const detail = eventDetail(s.store, Number(csvEvent.id));
    expect(detail.original).toContain('請求書.doc');
    expect(detail.provenance).toMatchObject({ file: zipFile, entry: 'edr/DeviceFileEvents.csv', sha256: sha256(CP932_CSV) });

    const actions = s.entries().map((e) => e.action);
    expect(actions.filter((a) => a === 'evidence.added')).toHaveLength(3);
    expect(actions.filter((a) => a === 'evidence.entry-skipped')).toHaveLength(2);
    // Verification re-hashes the archive and each entry inside it.
    expect((await verifyEvidence(s.store)).map((r) => r.status)).toEqual(['intact', 'intact', 'intact']);
    s.close();
  });

  it('reads a .gz inside the zip: hashes of the .gz entry, records from its content', async () => {
    const dir = tempDir();
    const gz = gzipSync(SQUID);
    const zipFile = await writeZip(path.join(dir, 'rotated.zip'), [{ name: 'access.log.1.gz', data: gz, compress: true }]);
    const s = await openCase(dir);
    const archive = await ingestWithCustody(s, { path: zipFile, timezone: 'UTC' });
    const entry = listEvidence(s.store).find((e) => e.parent_id === archive.id)!;
    expect([entry.container, entry.format, entry.events, entry.sha256]).toEqual(['zip+gzip', 'squid', 5, sha256(gz)]);
    const last = firstEvents(s.store, { evidenceId: entry.id }, 10)[4]!;
    expect(eventDetail(s.store, Number(last.id)).original).toBe(SQUID.toString('utf8').split('\n')[4]);
    s.close();
  });

  // Hostile entries (zip-slip, absolute, symlink, encrypted, bombs): archive-hostile.test.ts.
  it('reports an encrypted entry as failed and still ingests the others', async () => {
    const dir = tempDir();
    const plain = readFileSync(await writeZip(path.join(dir, 'tmp.zip'), [
      { name: 'access.log', data: SQUID },
      // Deflated: for a stored entry yauzl would expect the 12-byte encryption header in its size.
      { name: 'secret.log', data: Buffer.from('x\n'), compress: true },
    ]));
    // Set the "encrypted" flag (general purpose bit 0) on secret.log's headers.
    const out = Buffer.from(plain);
    for (let i = 0; i + 4 <= out.length; i++) {
      const sig = out.readUInt32LE(i);
      const at = sig === 0x04034b50 ? 6 : sig === 0x02014b50 ? 8 : -1;
      const nameAt = sig === 0x04034b50 ? 30 : 46;
      if (at > 0 && out.subarray(i + nameAt, i + nameAt + 10).toString() === 'secret.log') out.writeUInt16LE(out.readUInt16LE(i + at) | 1, i + at);
    }
    const zipFile = path.join(dir, 'locked.zip');
    writeFileSync(zipFile, out);
    const s = await openCase(dir);
    const archive = await ingestWithCustody(s, { path: zipFile, timezone: 'UTC' });
    expect(archive.entries!.map((e) => [e.entry, e.status])).toEqual([['access.log', 'ingested'], ['secret.log', 'failed']]);
    expect(archive.entries![1]!.reason).toMatch(/encrypted/);
    s.close();
  });

  it('the same archive twice is refused as a duplicate; an entry already in the case is skipped', async () => {
    const dir = tempDir();
    const log = path.join(dir, 'access.log');
    writeFileSync(log, SQUID);
    const zipFile = await writeZip(path.join(dir, 'a.zip'), [{ name: 'access.log', data: SQUID }]);
    const s = await openCase(dir);
    await ingestWithCustody(s, { path: log, timezone: 'UTC' });
    const archive = await ingestWithCustody(s, { path: zipFile, timezone: 'UTC' });
    expect(archive.entries![0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/already in this case as evidence #1/) });
    await expect(ingestWithCustody(s, { path: zipFile, timezone: 'UTC' })).rejects.toThrow(/already in this case as evidence #2/);
    s.close();
  });
});
