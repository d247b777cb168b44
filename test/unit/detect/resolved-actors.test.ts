// Actors known only by address, named by the host EDR evidence mapped the address to: scenario
// A's proxy and firewall logs plus nothing from Defender but the browsers' connections to the
// proxy (which say "wks-acct-07 had 10.20.30.47"). The story names the hosts and says that the
// names were resolved, from which evidence, and keeps the address.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { tracelight } from '../helpers/cli';
import { buildCase, fixture } from './incident-helpers';

describe('scenario A on the network, addresses resolved from Defender connections', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-resolved-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const casePath = path.join(dir, 'c.tlcase');
  const edr = path.join(dir, 'edr-browsing.csv');
  const rows = readFileSync(fixture('scenario-a', 'DeviceNetworkEvents.csv'), 'utf8').split(/\r?\n/);
  writeFileSync(edr, [rows[0], ...rows.filter((l) => l.includes(',msedge.exe,'))].join('\n') + '\n');
  for (const [f, tz] of [[fixture('scenario-a', 'squid-access.log')], [fixture('scenario-a', 'fortigate-traffic.log'), 'Asia/Tokyo'], [edr]] as [string, string?][]) {
    expect(tracelight(['ingest', casePath, f, ...(tz ? ['--tz', tz] : [])]).code).toBe(0);
  }
  const r = JSON.parse(tracelight(['detect', casePath, '--json']).stdout) as DetectResult;
  const i = r.incident;

  it('names the infected machines by host, keeping the address and saying where the name came from', () => {
    expect(i.hosts).toEqual(['wks-acct-07.acme.local', 'wks-sales-03.acme.local']);
    const acct = i.infected[0]!;
    expect(acct).toMatchObject({ host: 'wks-acct-07.acme.local', src_ip: '10.20.30.47' });
    expect(acct.resolved).toMatchObject({ ip: '10.20.30.47', host: 'wks-acct-07.acme.local', evidence: ['edr-browsing.csv (defender-hunting-csv)'] });
    expect(acct.resolved!.first_seen! <= '2026-10-05T00:12:47.000Z').toBe(true);
    expect(i.infected[1]).toMatchObject({ host: 'wks-sales-03.acme.local', src_ip: '10.20.30.53', resolved: { ip: '10.20.30.53' } });
  });

  it('says so for patient zero too; its reason stays the link that chose it', () => {
    expect(i.patient_zero).toMatchObject({ host: 'wks-acct-07.acme.local', src_ip: '10.20.30.47', resolved: { host: 'wks-acct-07.acme.local', evidence: ['edr-browsing.csv (defender-hunting-csv)'] } });
    expect(i.patient_zero!.reason).toMatch(/^first host tied to the chain by payload http:\/\/shop-kobe\.example\/wp-content\/x7\/ at 2026-10-05T00:12:47\.000Z/);
  });

  it('keeps the contract: findings still carry the host, the address rides along', () => {
    const beacon = r.findings.find((f) => f.rule === 'beacon' && f.title.includes('198.51.100.23'));
    expect(beacon?.host).toMatch(/^wks-/);
    expect(Object.keys(i)).toEqual(expect.arrayContaining(['patient_zero', 'hosts', 'payload_urls', 'c2', 'ioc_hits']));
  });

  it('the readable summary says it too', () => {
    const t = tracelight(['detect', casePath]).stdout;
    expect(t).toContain('Address:        10.20.30.47, resolved to wks-acct-07.acme.local from edr-browsing.csv (defender-hunting-csv)');
    expect(t).toContain('  10.20.30.53, resolved to wks-sales-03.acme.local from edr-browsing.csv (defender-hunting-csv)');
  });
});

describe('scenario A with the whole Defender export', () => {
  // The same proxy and firewall events are resolved to hosts here too, but the Defender process
  // events name the infected hosts themselves: nothing is shown as resolved.
  const c = buildCase('scenario-a', [{ files: /^Device/ }, { files: /^squid/ }, { files: /^fortigate/, tz: 'Asia/Tokyo' }]);
  const i = c.detect().incident;

  it('an actor named by the EDR itself is not marked resolved', () => {
    expect(i.hosts).toEqual(['wks-acct-07.acme.local', 'wks-sales-03.acme.local']);
    expect(i.infected.map((h) => h.resolved)).toEqual([undefined, undefined]);
    expect(i.patient_zero?.resolved).toBeUndefined();
  });
});
