// The engine as the UI sees it: case info carries the examiner, the chain status and the
// read-only state; a second engine on the same case is refused writes with the reason.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { tempDir } from '../helpers/tmp';
import { SQUID } from './helpers';

describe('engine service custody', () => {
  it('records the examiner and acquisition, and a second engine on the case is read-only', async () => {
    const dir = tempDir();
    const a = createEngineService({ mode: 'desktop', workspaceDir: dir });
    const info = await a.handlers['case.create']({ name: '事件 A', examiner: '高橋' });
    expect(info).toMatchObject({ examiner: '高橋', examinerSource: 'given', readOnly: false, custody: { ok: true, count: 1 } });
    const log = path.join(dir, 'in', 'access.log');
    mkdirSync(path.dirname(log));
    copyFileSync(SQUID, log);
    const [r] = await a.handlers['ingest.files']({
      jobId: 'j',
      files: [{ path: log, acquisition: { provided_by: '佐藤', source_host: 'proxy01', acquired_how: 42 as unknown as string } }],
    });
    expect(r!.evidence).toMatchObject({ exhibit: 'EX-001', provided_by: '佐藤', source_host: 'proxy01', acquired_how: null });
    const { tagId } = await a.handlers['tags.add']({ eventId: 1, label: 'suspicious' });
    expect(tagId).toBeGreaterThan(0);

    const b = createEngineService({ mode: 'desktop', workspaceDir: dir });
    const other = await b.handlers['case.open']({ path: info.path, examiner: '中村' });
    expect(other.readOnly).toBe(true);
    expect(other.readOnlyReason).toMatch(/^opened by 高橋 on /);
    await expect(b.handlers['notes.add']({ eventId: 1, text: 'x' })).rejects.toThrow(/read-only: opened by 高橋/);
    // The reader sees what the writer journaled, even before the writer's checkpoint.
    expect((await b.handlers['bookmarks.list']({})).map((m) => m.tags[0]!.label)).toEqual(['suspicious']);
    b.close();

    const { entries, status } = await a.handlers['custody.log']({});
    expect(status.ok).toBe(true);
    expect(entries.map((e) => [e.action, e.examiner])).toEqual([
      ['case.created', '高橋'],
      ['ingest.started', '高橋'],
      ['evidence.added', '高橋'],
      ['evidence.parsed', '高橋'],
      ['tag.added', '高橋'],
    ]);
    const edited = await a.handlers['case.edit']({ changes: { organization: '株式会社サンプル', caseNumber: 'IR-2026-014' } });
    expect(edited).toMatchObject({ organization: '株式会社サンプル', caseNumber: 'IR-2026-014', name: '事件 A' });
    await expect(a.handlers['case.edit']({ changes: { name: '' } })).rejects.toThrow(/needs a title/);
    const verified = await a.handlers['evidence.verify']({});
    expect(verified.map((v) => v.status)).toEqual(['intact']);
    a.close();
  });
});
