// export.run as the workbench calls it: serve mode writes into the case's exports folder and
// hands back download paths that serve's /exports/ route resolves; desktop mode writes only where
// the save dialog said.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveExport } from '../../../electron/cli/serve/export-download';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

async function serviceWithCase(mode: 'serve' | 'desktop') {
  const dir = tempDir();
  const service = createEngineService({ mode, workspaceDir: dir });
  const info = await service.handlers['case.create']({ name: '事案 B', examiner: '高橋' });
  const log = mode === 'serve' ? path.join(service.uploadDir(), 'access.log') : path.join(dir, 'in', 'access.log');
  mkdirSync(path.dirname(log), { recursive: true });
  copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), log);
  await service.handlers['ingest.files']({ jobId: 'j', files: [{ path: log }] });
  return { dir, service, info };
}

describe('export.run', () => {
  it('serve mode: writes into CASE.exports/ and returns downloads that the serve route resolves', async () => {
    const { service, info } = await serviceWithCase('serve');
    try {
      const r = await service.handlers['export.run']({ formats: ['csv', 'pdf'], language: 'ja', detection: 'none', paths: { csv: '/etc/passwd' } });
      expect(r.detectionIncluded).toBe(false);
      expect(r.files.map((f) => f.kind)).toEqual(['pdf', 'csv']);
      for (const f of r.files) {
        expect(path.dirname(f.path)).toBe(info.path.replace(/\.tlcase$/, '.exports'));
        expect(f.name).toMatch(/^事案 B_.*_(report\.pdf|timeline\.csv)$/);
        expect(resolveExport(info.path, f.download!)).toBe(f.path);
      }
      expect(readFileSync(r.files[1]!.path).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const log = await service.handlers['custody.log']({});
      expect(log.entries.filter((e) => e.action === 'export.created')).toHaveLength(2);
    } finally {
      service.close();
    }
  });

  it('desktop mode: needs a chosen absolute path per format and refuses to overwrite evidence', async () => {
    const { dir, service } = await serviceWithCase('desktop');
    try {
      await expect(service.handlers['export.run']({ formats: ['xlsx'], language: 'en', detection: 'none' })).rejects.toThrow(/no file chosen for the xlsx export/);
      await expect(
        service.handlers['export.run']({ formats: ['csv'], language: 'en', detection: 'none', paths: { csv: path.join(dir, 'in', 'access.log') }, overwrite: true }),
      ).rejects.toThrow(/over the case or an evidence file/);
      const target = path.join(dir, 'out.xlsx');
      const r = await service.handlers['export.run']({ formats: ['xlsx'], language: 'en', detection: 'none', paths: { xlsx: target } });
      expect(r.files[0]).toMatchObject({ kind: 'xlsx', path: target, download: undefined });
    } finally {
      service.close();
    }
  });
});
