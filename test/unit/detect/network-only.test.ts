// Network-only evidence (no EDR export, no indicator file): the story is told by source
// addresses. Scenario A's Squid and FortiGate logs alone, and a generated Emotet outbreak on
// Squid + FortiGate + Windows Firewall, must name the infected sources, the C2 endpoints, the
// payload URLs as the proxy wrote them, and patient zero with the reason it was chosen.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
// @ts-expect-error plain ES module shared with the bench (no types)
import { generateEmotetScenario } from '../../bench/generate-emotet.mjs';
import { tracelight } from '../helpers/cli';
import { buildCase } from './incident-helpers';

describe('scenario A, proxy and firewall logs only', () => {
  const c = buildCase('scenario-a', [{ files: /^squid/ }, { files: /^fortigate/, tz: 'Asia/Tokyo' }]);
  const r = c.detect();
  const i = r.incident;

  it('names the infected sources by address, not the admin whose SaaS poll is as regular', () => {
    expect(i.hosts).toEqual(['10.20.30.47', '10.20.30.53']);
    expect(i.infected.map((h) => h.src_ip)).toEqual(['10.20.30.47', '10.20.30.53']);
  });

  it('names the C2 endpoint and the payload URLs as written (trailing slash kept)', () => {
    expect(i.c2.map((e) => `${e.ip}:${e.port}`)).toEqual(['198.51.100.23:8080']);
    expect(i.payload_urls).toEqual(['http://blog-nagoya.example/wp-admin/k2/', 'http://shop-kobe.example/wp-content/x7/']);
  });

  it('chooses patient zero by the payload it fetched first, and says so', () => {
    expect(i.patient_zero).toMatchObject({ host: '10.20.30.47', src_ip: '10.20.30.47', time: '2026-10-05T00:12:47.000Z' });
    expect(i.patient_zero!.reason).toMatch(/first machine to fetch the payload http:\/\/shop-kobe\.example\/wp-content\/x7\/ .* before beaconing to 198\.51\.100\.23:8080/);
  });

  it('keeps address-only findings apart per source', () => {
    const beacons = r.findings.filter((f) => f.rule === 'beacon' && f.title.includes('198.51.100.23'));
    expect(beacons.map((f) => f.src_ip).sort()).toEqual(['10.20.30.47', '10.20.30.53']);
    expect(beacons.every((f) => f.id.includes(f.src_ip!))).toBe(true);
  });
});

describe('generated Emotet outbreak on Squid, FortiGate and Windows Firewall', () => {
  // Seed 3: three sources collected; see test/bench/generate-emotet.mjs for what it draws.
  const sc = generateEmotetScenario(3) as { files: { name: string; lines: string[]; tz?: string }[]; params: { collected: { squid: boolean; fortigate: boolean; winfw: number } }; truth: { infected: string[]; c2: string[]; payload_urls: string[]; patient_zero: string } };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-emotet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const casePath = path.join(dir, 'c.tlcase');
  for (const f of sc.files) {
    const p = path.join(dir, f.name);
    writeFileSync(p, `${f.lines.join('\n')}\n`);
    expect(tracelight(['ingest', casePath, p, ...(f.tz ? ['--tz', f.tz] : [])]).code).toBe(0);
  }
  const out = tracelight(['detect', casePath, '--json']);
  const i = (JSON.parse(out.stdout) as DetectResult).incident;

  it('has all three kinds of evidence', () => {
    expect(sc.params.collected).toMatchObject({ squid: true, fortigate: true });
    expect(sc.params.collected.winfw).toBeGreaterThan(0);
  });

  it('names exactly the infected sources, the C2 endpoints, the payload URLs and patient zero', () => {
    expect(i.infected.map((h) => h.src_ip).sort()).toEqual([...sc.truth.infected].sort());
    expect(i.c2.map((e) => `${e.ip}:${e.port}`).sort()).toEqual([...sc.truth.c2].sort());
    expect([...i.payload_urls].sort()).toEqual([...sc.truth.payload_urls].sort());
    expect(i.patient_zero?.src_ip).toBe(sc.truth.patient_zero);
  });
});
