// `detect` on every real log sample in ../shared/samples (MANIFEST.tsv), each in its own case,
// with the shipped rules and the four SigmaHQ webserver rules beside them. What each must
// yield is written down here: none of these samples holds an infection, so no sample may name
// an infected host, patient zero or a web attacker; the few findings the samples do carry
// (an OTRF atomic test's bitsadmin download, an executable fetched by address in the APT29
// Zeek HTTP log, a PAN-OS session to an odd port) are listed exactly. The Zeek conn rows of
// the APT29 data have no process: the process-centric SMB rule must stay quiet on them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { tracelight } from '../helpers/cli';
import { samplePath, samplesRoot } from '../helpers/samples';

/** Findings expected per sample, as "title@actor" (actor: host, else source address). */
const EXPECTED: Record<string, string[]> = {
  'sysmon_json/otrf_cmd_bitsadmin_download_psh_script.jsonl': ['Windows Utility Downloads a File (certutil, bitsadmin)@WORKSTATION5'],
  'zeek_json/otrf_apt29d1_SCRANTON_http.log': ['Executable or DLL Downloaded Through the Proxy@10.0.1.4', 'Executable or DLL Fetched Directly from an IP Address@10.0.1.4'],
  'paloalto_csv/logscale_pan_traffic.log': ['Internal Host Allowed Out to a Public Address on a Non-Standard Port@172.16.2.242'],
};

const present = existsSync(path.join(samplesRoot, 'MANIFEST.tsv'));
const files = present
  ? readFileSync(path.join(samplesRoot, 'MANIFEST.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t')[0]!)
      // Rules, indicator feeds and licence texts are not evidence.
      .filter((p) => !/^(sigma|stix|misp_galaxy|emotet_ioc)\//.test(p) && !/LICENSE/i.test(p))
  : [];

const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-samples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!present)('detect on the real samples', () => {
  it('covers every evidence sample of the manifest', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const [i, file] of files.entries()) {
    it(`${file}: no infection, no web attacker; findings as written down`, () => {
      const casePath = path.join(dir, `${i}.tlcase`);
      const ing = tracelight(['ingest', casePath, samplePath(file), '--tz', 'UTC']);
      expect(ing.code, ing.stderr).toBe(0);
      const out = tracelight(['detect', casePath, '--rules', samplePath('sigma'), '--json']);
      expect(out.code, out.stderr).toBe(0);
      const r = JSON.parse(out.stdout) as DetectResult;
      expect(r.incident.hosts).toEqual([]);
      expect(r.incident.infected).toEqual([]);
      expect(r.incident.patient_zero).toBeNull();
      expect(r.incident.web?.attackers).toEqual([]);
      const found = [...new Set(r.findings.map((f) => `${f.title}@${f.host ?? f.src_ip}`))].sort();
      expect(found).toEqual([...(EXPECTED[file] ?? [])].sort());
      rmSync(casePath, { force: true });
    }, 60_000);
  }
});
