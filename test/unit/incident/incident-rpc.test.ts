// The incident calls as the app makes them: the state with the proposal from the app's last
// detection run, phase/severity/task/indicator changes under custody, the workspace's phase and
// severity per case, the monthly report with its files, and a retro-hunt over pasted indicators.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { tempDir } from '../helpers/tmp';

const FIXTURES = path.resolve(__dirname, '../../fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

describe('incident RPC', () => {
  it('changes the incident under custody and serves the workspace views', async () => {
    const dir = tempDir();
    const engine = createEngineService({ mode: 'desktop', workspaceDir: dir });
    const info = await engine.handlers['case.create']({ name: '請求書 11-02', examiner: '高橋 誠' });
    const inbox = path.join(dir, 'in');
    mkdirSync(inbox);
    const files = EVIDENCE.map((f) => (copyFileSync(path.join(FIXTURES, f), path.join(inbox, f)), { path: path.join(inbox, f) }));
    await engine.handlers['ingest.files']({ jobId: 'j', files });
    await engine.handlers['detect.run']({});

    const s0 = await engine.handlers['incident.state']({ lang: 'ja' });
    expect(s0.phase).toBe('detection');
    expect(s0.proposed_severity.level).toBe('high');
    expect(s0.proposed_severity.reasons[0]).toMatch(/^C2通信あり: 1件 — 203\.0\.113\.10/);
    await expect(engine.handlers['incident.setPhase']({ phase: 'containment', reason: '' })).rejects.toThrow(/needs a reason/);
    const s1 = await engine.handlers['incident.setPhase']({ phase: 'containment', reason: '隔離' });
    expect(s1.phase).toBe('containment');
    const s2 = await engine.handlers['incident.setSeverity']({ level: 'critical', reason: '経理部' });
    expect(s2.history.at(-1)).toMatchObject({ field: 'severity', to: 'critical', examiner: '高橋 誠', proposed: { level: 'high' } });
    const c2 = s2.indicators.find((i) => i.value === '203.0.113.10')!;
    const s3 = await engine.handlers['incident.confirmIndicator']({ type: c2.type, value: c2.value });
    expect(s3.indicators.find((i) => i.value === '203.0.113.10')!.confirmed).toMatchObject({ examiner: '高橋 誠' });
    const log = await engine.handlers['custody.log']({});
    expect(log.entries.map((e) => e.action).filter((a) => a.startsWith('incident.'))).toEqual(['incident.phase.set', 'incident.severity.set', 'incident.indicator.confirmed']);

    expect(await engine.handlers['incident.cases']({})).toEqual([{ path: info.path, phase: 'containment', severity: 'critical' }]);

    const monthly = await engine.handlers['incident.monthly']({ month: '2026-11', lang: 'ja', files: ['pdf', 'xlsx'] });
    expect(monthly.report.cases.map((c) => c.name)).toEqual(['請求書 11-02']);
    expect(monthly.files.map((f) => f.name)).toEqual(['tracelight-monthly-2026-11-ja.pdf', 'tracelight-monthly-2026-11-ja.xlsx']);
    expect(Buffer.from(monthly.files[0]!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    await expect(engine.handlers['incident.monthly']({ month: '2026-13', lang: 'en' })).rejects.toThrow(/YYYY-MM/);

    const hunt = await engine.handlers['incident.hunt']({ indicators: '# 新しい報告\nhxxp://198.51.100[.]77/wp/x.dll\n' });
    expect(hunt.hits.length).toBeGreaterThan(0);
    expect(hunt.hits.every((h) => h.indicator === 'http://198.51.100.77/wp/x.dll' && h.case === path.resolve(info.path))).toBe(true);
    engine.close();
  });

  it("confirming an indicator finding (the story's review) confirms its indicators for the containment lists", async () => {
    const dir = tempDir();
    const engine = createEngineService({ mode: 'desktop', workspaceDir: dir });
    await engine.handlers['case.create']({ name: 'ioc review', examiner: '高橋 誠' });
    const inbox = path.join(dir, 'in');
    mkdirSync(inbox);
    const files = [...EVIDENCE, 'c2_indicators.txt'].map((f) => (copyFileSync(path.join(FIXTURES, f), path.join(inbox, f)), { path: path.join(inbox, f) }));
    await engine.handlers['ingest.files']({ jobId: 'j', files: files.slice(0, 3) });
    const run = await engine.handlers['detect.run']({ iocFiles: [files[3]!] });
    const before = await engine.handlers['incident.state']({});
    expect(before.indicators.filter((i) => i.confirmed)).toEqual([]);
    const f = run.findings.find((x) => x.rule === 'ioc' && x.title.includes('203.0.113.10'))!;
    await engine.handlers['detect.review']({ findingId: f.id, verdict: 'confirmed' });
    const after = await engine.handlers['incident.state']({});
    expect(after.indicators.filter((i) => i.confirmed).map((i) => i.value)).toEqual(['203.0.113.10']);
    engine.close();
  });
});
