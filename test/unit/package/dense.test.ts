// An original that deflates past the ratio readers refuse as a bomb (one byte repeated) is
// stored uncompressed, so the package still verifies.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { verifyPackage } from '../../../electron/engine/export/package/verify-package';
import { writeEvidencePackage } from '../../../electron/engine/export/package/write-package';
import { openZip } from '../../../electron/engine/zip';

describe('a highly compressible original', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-dense-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is stored, not deflated, and the package verifies', async () => {
    // One byte repeated: deflate's best case (~1030:1), past the 1000:1 readers refuse. Real
    // logs stay far below it (the most repetitive measured: ~254:1); this is the writer's guard.
    const evidence = path.join(dir, 'access.log');
    writeFileSync(evidence, `${'A'.repeat(3 << 20)}\n`);
    const session = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'A', create: {} });
    const target = path.join(dir, 'dense.zip');
    try {
      // Not a log any format recognizes: named, and its one line is kept as a rejected record.
      await ingestWithCustody(session, { path: evidence, timezone: 'UTC', format: 'squid' });
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
