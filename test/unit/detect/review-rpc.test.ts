// The detection calls as the UI makes them, on a small multi-source incident: a run is a
// custody entry naming the IOC files by SHA-256; a dismissed finding leaves the incident and
// a confirmed one stays; IOC files are kept in the case and used by later runs; a read-only
// engine runs detection but records nothing; serve mode reads only uploads.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { createEngineService, type EngineService } from '../../../electron/engine/rpc/service';
import { tempDir } from '../helpers/tmp';

const FIXTURES = path.resolve(__dirname, '../../fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

async function incidentCase(dir: string, examiner = '高橋 誠'): Promise<{ engine: EngineService; casePath: string }> {
  const engine = createEngineService({ mode: 'desktop', workspaceDir: dir });
  const info = await engine.handlers['case.create']({ name: 'インシデント 11-02', examiner });
  const inbox = path.join(dir, 'in');
  mkdirSync(inbox);
  const files = EVIDENCE.map((f) => {
    copyFileSync(path.join(FIXTURES, f), path.join(inbox, f));
    return { path: path.join(inbox, f) };
  });
  const results = await engine.handlers['ingest.files']({ jobId: 'j', files });
  expect(results.map((r) => r.ok)).toEqual([true, true, true]);
  return { engine, casePath: info.path };
}

const stepFindings = (r: DetectResult): Set<string> => new Set(r.incident.infected.flatMap((h) => h.steps.flatMap((s) => s.finding_ids)));

describe('detect.run / detect.review', () => {
  it('records each run and each review under custody; a dismissed finding leaves the incident', async () => {
    const { engine } = await incidentCase(tempDir());
    const first = await engine.handlers['detect.run']({});
    expect(first.incident.patient_zero?.host).toMatch(/^wks-fin-01/);
    expect(first.incident.hosts.some((h) => h.startsWith('wks-hr-02'))).toBe(false);
    expect(await engine.handlers['detect.last']({})).toEqual(first);

    // Dismiss one finding that the story uses, confirm another.
    const used = [...stepFindings(first)];
    expect(used.length).toBeGreaterThan(1);
    const dismissed = first.findings.find((f) => f.id === used[0])!;
    const confirmed = first.findings.find((f) => f.id === used[1])!;
    const review = await engine.handlers['detect.review']({ findingId: dismissed.id, verdict: 'dismissed', comment: '検証済み：誤検知' });
    expect(review).toMatchObject({ finding_id: dismissed.id, verdict: 'dismissed', examiner: '高橋 誠', comment: '検証済み：誤検知' });
    await engine.handlers['detect.review']({ findingId: confirmed.id, verdict: 'confirmed' });
    await expect(engine.handlers['detect.review']({ findingId: 'nope:x:1', verdict: 'dismissed' })).rejects.toThrow(/no finding "nope:x:1"/);

    const second = await engine.handlers['detect.run']({});
    expect(second.findings.find((f) => f.id === dismissed.id)?.review).toMatchObject({ verdict: 'dismissed', examiner: '高橋 誠' });
    expect(second.findings.find((f) => f.id === confirmed.id)?.review?.verdict).toBe('confirmed');
    expect(stepFindings(second).has(dismissed.id)).toBe(false);
    expect(stepFindings(second).has(confirmed.id)).toBe(true);
    expect((await engine.handlers['detect.reviews']({})).map((r) => r.verdict)).toEqual(['dismissed', 'confirmed']);

    const { status, entries } = await engine.handlers['custody.log']({});
    expect(status.ok).toBe(true);
    const actions = entries.map((e) => e.action);
    expect(actions.slice(-4)).toEqual(['detection.run', 'finding.reviewed', 'finding.reviewed', 'detection.run']);
    const run = JSON.parse(entries.at(-1)!.details);
    expect(run).toMatchObject({ findings: second.findings.length, dismissed: 1, confirmed: 1, iocFiles: [] });
    expect(run.rules.loaded).toBe(second.rules.loaded);
    const reviewed = JSON.parse(entries.find((e) => e.action === 'finding.reviewed')!.details);
    expect(reviewed).toMatchObject({ findingId: dismissed.id, rule: dismissed.rule, host: dismissed.host, verdict: 'dismissed', eventIds: dismissed.event_ids });
    engine.close();
  });

  it('keeps an IOC file in the case (named with its SHA-256) and matches it in later runs', async () => {
    const dir = tempDir();
    const { engine, casePath } = await incidentCase(dir);
    const upload = path.join(dir, 'in', 'c2_indicators.txt');
    copyFileSync(path.join(FIXTURES, 'c2_indicators.txt'), upload);
    const withIoc = await engine.handlers['detect.run']({ iocFiles: [{ path: upload }] });
    expect(withIoc.incident.ioc_hits.map((h) => h.indicator)).toContain('203.0.113.10');
    expect(withIoc.incident.ioc_hits.every((h) => h.source === 'c2_indicators.txt')).toBe(true);
    const kept = await engine.handlers['detect.iocFiles']({});
    expect(kept).toMatchObject([{ name: 'c2_indicators.txt', stored: true, examiner: '高橋 誠' }]);

    // The same file again is not kept twice; a later run without it still matches it.
    await engine.handlers['detect.run']({ iocFiles: [{ path: upload }] });
    const later = await engine.handlers['detect.run']({});
    expect(later.incident.ioc_hits.length).toBe(withIoc.incident.ioc_hits.length);
    const { entries } = await engine.handlers['custody.log']({});
    expect(entries.filter((e) => e.action === 'ioc.added').map((e) => JSON.parse(e.details))).toEqual([
      { name: 'c2_indicators.txt', sha256: kept[0]!.sha256, size: kept[0]!.size },
    ]);
    expect(JSON.parse(entries.at(-1)!.details).iocFiles).toEqual([{ name: 'c2_indicators.txt', sha256: kept[0]!.sha256 }]);
    engine.close();

    // No temporary copies are left behind, and the case file holds the list by itself.
    expect(readdirSync(path.dirname(upload))).toContain('c2_indicators.txt');
    const again = createEngineService({ mode: 'desktop', workspaceDir: dir });
    await again.handlers['case.open']({ path: casePath });
    expect((await again.handlers['detect.run']({})).incident.ioc_hits.length).toBe(withIoc.incident.ioc_hits.length);
    again.close();
  });

  it('an IOC file detection cannot use is refused under its own name and is not kept', async () => {
    const dir = tempDir();
    const { engine } = await incidentCase(dir);
    await expect(engine.handlers['detect.run']({ iocFiles: [{ path: path.join(dir, 'missing.csv'), originalName: 'フィード.csv' }] })).rejects.toThrow(
      /^フィード\.csv: cannot read IOC file \(ENOENT\)$/,
    );
    const galaxy = path.join(dir, 'in', 'upload-17');
    writeFileSync(galaxy, JSON.stringify({ uuid: 'x', values: [{ value: 'Emotet', description: '…' }] }));
    const refused = engine.handlers['detect.run']({ iocFiles: [{ path: galaxy, originalName: 'ギャラクシー.json' }] });
    await expect(refused).rejects.toThrow(/^ギャラクシー\.json: no indicators found/);
    await expect(refused).rejects.not.toThrow(/tracelight-ioc-/);
    expect(await engine.handlers['detect.iocFiles']({})).toEqual([]);
    const { entries } = await engine.handlers['custody.log']({});
    expect(entries.some((e) => e.action === 'ioc.added' || e.action === 'detection.run')).toBe(false);
    engine.close();
  });

  it('a read-only engine runs detection but records nothing and refuses reviews', async () => {
    const dir = tempDir();
    const { engine, casePath } = await incidentCase(dir);
    await engine.handlers['detect.run']({});
    const reader = createEngineService({ mode: 'desktop', workspaceDir: dir });
    const info = await reader.handlers['case.open']({ path: casePath, examiner: '二人目' });
    expect(info.readOnly).toBe(true);
    const result = await reader.handlers['detect.run']({});
    expect(result.incident.patient_zero?.host).toMatch(/^wks-fin-01/);
    await expect(reader.handlers['detect.review']({ findingId: result.findings[0]!.id, verdict: 'dismissed' })).rejects.toThrow(/read-only/);
    const count = (await reader.handlers['custody.log']({})).entries.length;
    await reader.handlers['detect.run']({});
    expect((await reader.handlers['custody.log']({})).entries.length).toBe(count);
    reader.close();
    engine.close();
  });

  it('serve mode reads IOC files only from the case\'s uploads', async () => {
    const dir = tempDir();
    const { engine, casePath } = await incidentCase(dir);
    engine.close();
    const served = createEngineService({ mode: 'serve', workspaceDir: dir });
    await served.handlers['case.open']({ path: casePath });
    await expect(served.handlers['detect.run']({ iocFiles: [{ path: '/etc/passwd' }] })).rejects.toThrow(/only IOC files uploaded to this case/);
    const upload = path.join(served.uploadDir(), '2026-11-02T00-00-00-000Z_c2_indicators.txt');
    copyFileSync(path.join(FIXTURES, 'c2_indicators.txt'), upload);
    const result = await served.handlers['detect.run']({ iocFiles: [{ path: upload, originalName: 'c2_indicators.txt' }] });
    expect(result.incident.ioc_hits.length).toBeGreaterThan(0);
    expect((await served.handlers['detect.iocFiles']({})).map((f) => f.name)).toEqual(['c2_indicators.txt']);
    served.close();
  });
});
