// Patient zero within a window: a machine tied to the chain (it reached the same C2 address)
// days before the outbreak is not its patient zero unless the examiner widens the window, and
// the reason names the link and its time either way.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { choosePatientZero } from '../../../electron/engine/detect/story/chain-link';
import { tracelight } from '../helpers/cli';
import { fixture } from './incident-helpers';

describe('choosePatientZero', () => {
  const t = (h: number) => new Date(Date.UTC(2026, 9, 5) + h * 3600_000).toISOString();
  const c2 = (h: number) => ({ id: 'c2|198.51.100.23|8080', label: 'C2 198.51.100.23:8080', time: t(h) });

  it('takes the first actor of the largest episode, not an earlier one outside the window', () => {
    const actors = [
      { key: 'old', first: t(-100), ties: [c2(-100)] },
      { key: 'a', first: t(1), ties: [c2(1.1)] },
      { key: 'b', first: t(2), ties: [c2(2)] },
      { key: 'admin', first: t(0), ties: [] },
    ];
    expect(choosePatientZero(actors, 24)).toMatchObject({ key: 'a', actors: 2, tie: { time: t(1.1) } });
    expect(choosePatientZero(actors, 200)).toMatchObject({ key: 'old', actors: 3 });
  });

  it('joins actors through any shared tie (payload on one side, C2 on the other)', () => {
    const actors = [
      { key: 'x', first: t(1), ties: [{ id: 'payload|u', label: 'payload u', time: t(1) }] },
      { key: 'y', first: t(2), ties: [{ id: 'payload|u', label: 'payload u', time: t(2) }, c2(2.1)] },
      { key: 'z', first: t(3), ties: [c2(3)] },
      { key: 'w', first: t(0.5), ties: [{ id: 'ioc|other', label: 'indicator other', time: t(0.5) }] },
    ];
    expect(choosePatientZero(actors, 24)?.key).toBe('x');
  });
});

describe('scenario A on the network, with a machine that reached the C2 four days earlier', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const casePath = path.join(dir, 'c.tlcase');
  const early = path.join(dir, 'fortigate-early.log');
  writeFileSync(
    early,
    'date=2026-10-01 time=09:00:00 devname="FGT-TOKYO" devid="FGT60F0000000001" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.20.30.99 srcport=50123 srcintf="lan" srcintfrole="lan" dstip=198.51.100.23 dstport=8080 dstintf="wan1" dstintfrole="wan" sessionid=700001 proto=6 action="close" policyid=12 policytype="policy" service="tcp/8080" duration=1 sentbyte=612 rcvdbyte=1200\n',
  );
  const squid = path.join(dir, 'squid-access.log');
  copyFileSync(fixture('scenario-a', 'squid-access.log'), squid);
  for (const [f, tz] of [[squid], [fixture('scenario-a', 'fortigate-traffic.log'), 'Asia/Tokyo'], [early, 'Asia/Tokyo']] as [string, string?][]) {
    expect(tracelight(['ingest', casePath, f, ...(tz ? ['--tz', tz] : [])]).code).toBe(0);
  }
  const detect = (...args: string[]) => (JSON.parse(tracelight(['detect', casePath, ...args, '--json']).stdout) as DetectResult).incident;

  it('counts the early machine as infected but keeps patient zero in the outbreak, saying which link and when', () => {
    const i = detect();
    expect(i.hosts).toContain('10.20.30.99');
    expect(i.patient_zero).toMatchObject({ src_ip: '10.20.30.47', time: '2026-10-05T00:12:47.000Z' });
    expect(i.patient_zero!.reason).toMatch(/tied to the chain by payload http:\/\/shop-kobe\.example\/wp-content\/x7\/ at 2026-10-05T00:12:47\.000Z \(shared by 2 hosts; .*window 24 h\)/);
  });

  it('with a window wide enough to span both, the early machine is patient zero, by its C2 contact', () => {
    const i = detect('--chain-window', '120');
    expect(i.patient_zero).toMatchObject({ src_ip: '10.20.30.99', time: '2026-10-01T00:00:00.000Z' });
    expect(i.patient_zero!.reason).toMatch(/tied to the chain by C2 198\.51\.100\.23:8080 at 2026-10-01T00:00:00\.000Z \(shared by 3 hosts; .*window 120 h\)/);
  });

  it('refuses a window that is not a positive number of hours', () => {
    const r = tracelight(['detect', casePath, '--chain-window', 'soon']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--chain-window/);
  });
});
