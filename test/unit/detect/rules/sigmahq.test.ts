// The six SigmaHQ rules in ../shared/samples/sigma/ (copied unedited) load without a problem
// and fire on matching Carbon Black EDR, Defender and Sysmon events alike, and stay quiet on
// near misses: one normalized schema lets a community rule hit every source.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../electron/common/detect';
import { loadRules } from '../../../../electron/engine/detect/sigma/load';
import { sigmaWindowsMapping } from '../../../../electron/engine/detect/sigma/mapping';
import { runCompiledRules } from '../../../../electron/engine/detect/sigma/run';
import type { CompiledRule } from '../../../../electron/engine/detect/rules';
import { samplePath } from '../../helpers/samples';
import { fixtureCase, hostsOf, type FixtureCase } from './fixture-case';

const SIGMA_DIR = samplePath('sigma');

/** Per rule file: hosts (one per source) where it must fire, and near misses where it must not. */
const CASES: Record<string, { fires: string[]; quiet: string[] }> = {
  'proc_creation_win_office_susp_child_processes.yml': {
    fires: ['OFFICE-POS-CBEDR', 'office-pos-defender.acme.local', 'OFFICE-POS-SYSMON'],
    quiet: ['OFFICE-NEG-CBEDR', 'office-neg-defender.acme.local', 'OFFICE-NEG-SYSMON'],
  },
  'proc_creation_win_powershell_base64_encoded_cmd.yml': {
    fires: ['OFFICE-POS-CBEDR', 'office-pos-defender.acme.local', 'OFFICE-POS-SYSMON'],
    quiet: ['ADMIN-CBEDR', 'admin-defender.acme.local', 'ADMIN-SYSMON'],
  },
  'proc_creation_win_powershell_download_patterns.yml': {
    fires: ['SIGMA-DLPATTERN-POS-CBEDR', 'sigma-dlpattern-pos-defender.acme.local', 'SIGMA-DLPATTERN-POS-SYSMON'],
    quiet: ['SIGMA-DLPATTERN-NEG-CBEDR', 'sigma-dlpattern-neg-defender.acme.local', 'SIGMA-DLPATTERN-NEG-SYSMON'],
  },
  'proc_creation_win_regsvr32_susp_parent.yml': {
    fires: ['SIGMA-REGSVR-POS-CBEDR', 'sigma-regsvr-pos-defender.acme.local', 'SIGMA-REGSVR-POS-SYSMON'],
    quiet: ['SIGMA-REGSVR-NEG-CBEDR', 'sigma-regsvr-neg-defender.acme.local', 'SIGMA-REGSVR-NEG-SYSMON'],
  },
  'proc_creation_win_rundll32_susp_control_dll_load.yml': {
    fires: ['SIGMA-CONTROL-POS-CBEDR', 'sigma-control-pos-defender.acme.local', 'SIGMA-CONTROL-POS-SYSMON'],
    quiet: ['SIGMA-CONTROL-NEG-CBEDR', 'sigma-control-neg-defender.acme.local', 'SIGMA-CONTROL-NEG-SYSMON'],
  },
  'registry_set_asep_reg_keys_modification_currentversion.yml': {
    fires: ['RUNKEY-POS-CBEDR', 'runkey-pos-defender.acme.local', 'RUNKEY-POS-SYSMON'],
    quiet: ['RUNKEY-NEG-CBEDR', 'sigma-asep-neg-defender.acme.local', 'SIGMA-ASEP-NEG-SYSMON'],
  },
};

describe('SigmaHQ rules, unedited', () => {
  let fx: FixtureCase;
  let rules: CompiledRule[];
  let findings: Finding[];

  beforeAll(async () => {
    fx = await fixtureCase();
    const loaded = loadRules([SIGMA_DIR], sigmaWindowsMapping());
    expect(loaded.problems).toEqual([]);
    rules = loaded.rules.filter((r) => !r.file.split(/[\\/]/).pop()!.startsWith('web_'));
    findings = runCompiledRules(fx.store, rules, sigmaWindowsMapping());
  });
  afterAll(() => fx?.dispose());

  it('all six load and compile', () => {
    // The four webserver rules beside them are run on access logs in ../web/web-case.test.ts.
    const files = readdirSync(SIGMA_DIR).filter((f) => f.endsWith('.yml') && !f.startsWith('web_'));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
    expect(rules.map((r) => r.file.split(/[\\/]/).pop()).sort()).toEqual(files.sort());
  });

  for (const [file, c] of Object.entries(CASES)) {
    it(`${file}: fires on Carbon Black, Defender and Sysmon; quiet on near misses`, () => {
      const rule = rules.find((r) => r.file.endsWith(file))!;
      const hosts = hostsOf(findings, rule.id);
      for (const h of c.fires) expect(hosts, `on ${h}`).toContain(h);
      for (const h of c.quiet) expect(hosts, `on ${h}`).not.toContain(h);
    });
  }

  it('takes level, ATT&CK ids and stage from the rule as written', () => {
    const asep = findings.find((f) => f.host === 'runkey-pos-defender.acme.local' && f.title === 'CurrentVersion Autorun Keys Modification')!;
    expect(asep.severity).toBe('medium');
    expect(asep.attack).toEqual(['T1547.001']);
    expect(asep.stage).toBe('persistence');
    // Defender keeps the value name apart; the mapping joins it and shortens the hive as Sysmon does.
    expect(asep.reasons[0]).toMatch(/^TargetObject = HKU\\S-1-5-21-[\d-]+\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\qzx81 /);
  });
});
