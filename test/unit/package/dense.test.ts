// An original that deflates past the ratio readers refuse as a bomb (one line repeated
// tens of thousands of times) is stored uncompressed, so the package still verifies.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { verifyPackage } from '../../../electron/engine/export/package/verify-package';
import { writeEvidencePackage } from '../../../electron/engine/export/package/write-package';
import { openZip } from '../../../electron/engine/zip';
import { samplePath } from '../helpers/samples';

describe('a highly compressible original', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-dense-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is stored, not deflated, and the package verifies', async () => {
    // A real Squid line whose URL is one long run: deflate takes this past 600:1.
    const sample = readFileSync(samplePath('squid_native', 'logscale_squid_access.log'), 'utf8').split('\n')[0]!;
    const line = sample.replace(sample.split(/\s+/)[6]!, `http://dense.example/${'A'.repeat(4000)}`);
    const evidence = path.join(dir, 'access.log');
    writeFileSync(evidence, `${line}\n`.repeat(Math.ceil((3 << 19) / (line.length + 1))));
    const session = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'A', create: {} });
    const target = path.join(dir, 'dense.zip');
    try {
      await ingestWithCustody(session, { path: evidence, timezone: 'UTC' });
      await writeEvidencePackage(session, target, { language: 'en', detection: null });
    } finally {
      session.close();
    }
    const zip = await openZip(target);
    const entry = zip.entries.find((e) => e.name === 'data/evidence/EX-001_access.log')!;
    zip.close();
    expect(entry.compressionMethod).toBe(0);
    expect(entry.size).toBe(readFileSync(evidence).length);
    expect((await verifyPackage(target)).ok).toBe(true);
  }, 180_000);
});
