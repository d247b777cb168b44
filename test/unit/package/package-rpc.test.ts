// The app's "Evidence package…": serve mode writes into the case's exports folder and offers a
// download; desktop writes where the save dialog said and never over the case or evidence.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '../../../electron/engine/export/package/verify-package';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { buildPackagedCase, type PackagedCase } from './package-fixture';

describe('package.export', () => {
  let dir: string;
  let pkg: PackagedCase;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-package-rpc-'));
    pkg = await buildPackagedCase(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('in serve mode writes into the exports folder, records it, and offers a download', async () => {
    const service = createEngineService({ mode: 'serve', workspaceDir: dir, casePath: pkg.casePath, examiner: 'Alice Smith' });
    await service.start();
    try {
      const r = await service.handlers['package.export']({ language: 'en', detection: 'none', path: '/etc/evil.zip' });
      expect(path.dirname(r.path)).toBe(path.join(dir, 'インシデント.exports'));
      expect(r.download).toBe(`/exports/${encodeURIComponent(r.name)}`);
      expect(r.notRecordedReason).toBeUndefined();
      expect(existsSync('/etc/evil.zip')).toBe(false);
      expect((await verifyPackage(r.path)).ok).toBe(true);
      const last = (await service.handlers['custody.log']({})).entries.at(-1)!;
      expect(JSON.parse(last.details)).toMatchObject({ kind: 'package', sha256: r.sha256, files: r.files });
    } finally {
      service.close();
    }
  }, 120_000);

  it('in the desktop app writes where the dialog said, and never over the case or its evidence', async () => {
    const service = createEngineService({ mode: 'desktop', workspaceDir: dir, casePath: pkg.casePath, examiner: 'Alice Smith' });
    await service.start();
    try {
      await expect(service.handlers['package.export']({ language: 'ja', detection: 'none' })).rejects.toThrow(/no file chosen/);
      await expect(service.handlers['package.export']({ language: 'ja', detection: 'none', path: pkg.evidencePath, overwrite: true })).rejects.toThrow(
        /refusing to write the package export over the case or an evidence file/,
      );
      await expect(service.handlers['package.export']({ language: 'ja', detection: 'none', path: pkg.packagePath })).rejects.toThrow(/file exists/);
      const target = path.join(dir, 'chosen.zip');
      const r = await service.handlers['package.export']({ language: 'ja', detection: 'none', path: target, includeOriginals: false });
      expect(r.path).toBe(target);
      const v = await verifyPackage(target);
      expect(v.ok).toBe(true);
      // Without originals the manifest still names each one, with its ingest digests.
      expect(v.manifest!.files.some((f) => f.role === 'evidence')).toBe(false);
      expect(v.manifest!.evidence[0]).toMatchObject({ exhibit: 'EX-001', packagePath: null });
    } finally {
      service.close();
    }
  }, 120_000);
});
