// The Excel 4.0 (XLM) chain: EXCEL.EXE fetches a DLL whose URL has no extension and appears
// only in the proxy log, writes it as ..\oxnv1.ooccxx, and regsvr32 or rundll32 loads it. The
// story must name that URL as the payload and the host (its proxy address resolved from
// Sysmon) as infected, as it does for a PowerShell cradle. Generated outbreak, seed 14: Squid,
// Windows Firewall and Sysmon from about half the machines (two XLM victims, one seen on the
// network only); the administrator's msiexec registers a DLL with regsvr32 after downloading
// an .msi, and is not infected.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { loadedFile } from '../../../electron/engine/detect/story/loader-payloads';
// @ts-expect-error plain ES module shared with the bench (no types)
import { generateEmotetScenario } from '../../bench/generate-emotet.mjs';
import { tracelight } from '../helpers/cli';

interface Scenario {
  files: { name: string; lines: string[]; tz?: string }[];
  params: { collected: { sysmon: number } };
  truth: { infected: string[]; c2: string[]; payload_urls: string[]; patient_zero: string };
}

describe('loadedFile', () => {
  it('reads the file a regsvr32 or rundll32 command line loads', () => {
    expect(loadedFile('C:\\Windows\\SysWow64\\regsvr32.exe /s ..\\oxnv1.ooccxx')).toBe('oxnv1.ooccxx');
    expect(loadedFile('rundll32.exe "C:\\Users\\a b\\AppData\\Local\\Temp\\x.dll",DllRegisterServer')).toBe('x.dll');
    expect(loadedFile('regsvr32.exe -s -u')).toBeNull();
  });
});

describe('generated outbreak with Excel 4.0 lures on Sysmon hosts (seed 14)', () => {
  const sc = generateEmotetScenario(14) as Scenario;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-xlm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const casePath = path.join(dir, 'c.tlcase');
  for (const f of sc.files) {
    const p = path.join(dir, f.name);
    writeFileSync(p, `${f.lines.join('\n')}\n`);
    expect(tracelight(['ingest', casePath, p, ...(f.tz ? ['--tz', f.tz] : [])]).code).toBe(0);
  }
  const i = (JSON.parse(tracelight(['detect', casePath, '--json']).stdout) as DetectResult).incident;
  const xlmVictims = sc.truth.infected.filter((h) => h.startsWith('WS-'));

  it('has XLM victims with Sysmon and one known only by its address', () => {
    expect(sc.params.collected.sysmon).toBeGreaterThan(0);
    expect(xlmVictims.length).toBe(2);
    expect(sc.truth.infected.some((h) => /^\d/.test(h))).toBe(true);
  });

  it('names exactly the infected hosts, the payload URLs as the proxy wrote them, the C2 and patient zero', () => {
    expect(i.infected.map((h) => h.host).sort()).toEqual([...sc.truth.infected].sort());
    expect([...i.payload_urls].sort()).toEqual([...sc.truth.payload_urls].sort());
    expect(i.c2.map((c) => `${c.ip}:${c.port}`).sort()).toEqual([...sc.truth.c2].sort());
    expect(i.patient_zero?.host).toBe(sc.truth.patient_zero);
    expect(i.patient_zero?.lure).toMatch(/\\Downloads\\.*\.xls$/);
  });

  it("tells each XLM victim's download and the LOLBin that loaded it", () => {
    const access = sc.files.find((f) => f.name === 'access.log')!.lines;
    for (const host of xlmVictims) {
      const ip = `10.${host.startsWith('WS-8-') ? '40.8' : '20.30'}.${host.split('-')[2]}`;
      const url = access.find((l) => l.includes(` ${ip} `) && /x-msdownload|octet-stream/.test(l))!.split(' ').find((w) => w.startsWith('http://'))!;
      expect(i.payload_urls).toContain(url);
      const step = i.infected.find((h) => h.host === host)!.steps.find((s) => s.stage === 'download' && s.summary.startsWith(`Fetched ${url} `));
      expect(step?.summary).toMatch(/loaded by C:\\Windows\\SysWow64\\(regsvr32\.exe \/s|rundll32\.exe) \.\.\\oxnv1\.ooccxx/);
    }
  });

  it("does not take the administrator's msiexec and regsvr32 for a chain", () => {
    const admin = i.infected.map((h) => h.host);
    expect(i.payload_urls.some((u) => u.endsWith('.msi'))).toBe(false);
    expect(admin.filter((h) => !sc.truth.infected.includes(h))).toEqual([]);
  });
});
