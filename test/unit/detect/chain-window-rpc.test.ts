// The chain window as the incident view sends it (detect.run's chainWindowHours): the run uses
// it (the patient-zero reason names it), the custody entry of the run records it, and a window
// that is no number of hours is refused with a code the UI translates.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../electron/engine/coded-error';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { renderCoded } from '../../../renderer/src/features/engine-text/render-coded';
import { tempDir } from '../helpers/tmp';

const FIXTURES = path.resolve(__dirname, '../../fixtures/e2e-incident');
const EVIDENCE = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'];

describe('detect.run with a chain window', () => {
  it('runs with the window given, records it, and refuses one that is not hours', async () => {
    const dir = tempDir();
    const engine = createEngineService({ mode: 'desktop', workspaceDir: dir });
    await engine.handlers['case.create']({ name: '時間幅', examiner: '高橋 誠' });
    const inbox = path.join(dir, 'in');
    mkdirSync(inbox);
    const files = EVIDENCE.map((f) => (copyFileSync(path.join(FIXTURES, f), path.join(inbox, f)), { path: path.join(inbox, f) }));
    expect((await engine.handlers['ingest.files']({ jobId: 'j', files })).every((r) => r.ok)).toBe(true);

    const byDefault = await engine.handlers['detect.run']({});
    expect(byDefault.incident.patient_zero?.reason).toMatch(/window 24 h/);
    const wide = await engine.handlers['detect.run']({ chainWindowHours: 72 });
    expect(wide.incident.patient_zero?.reason).toMatch(/window 72 h/);
    expect(wide.incident.patient_zero?.host).toBe(byDefault.incident.patient_zero?.host);

    const log = await engine.handlers['custody.log']({});
    const runs = log.entries.filter((e) => e.action === 'detection.run').map((e) => JSON.parse(e.details) as { chainWindowHours?: number });
    expect(runs.map((r) => r.chainWindowHours)).toEqual([undefined, 72]);

    for (const bad of [0, -1, 'abc', 1e6]) {
      const err = await engine.handlers['detect.run']({ chainWindowHours: bad as number }).then(
        () => null,
        (e: unknown) => e as Error,
      );
      expect(err, String(bad)).not.toBeNull();
      expect(renderCoded('en', codeOf(err)!)).toBe(err!.message);
      expect(renderCoded('ja', codeOf(err)!)).toContain('連鎖の時間幅');
    }
  });
});
