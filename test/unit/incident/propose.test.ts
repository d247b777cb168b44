// The severity proposal on the criteria the story cannot show in the generated cases: data taken
// (an exfiltration technique), a compromised public-facing server (incident.web from the web
// triage, or T1190), privileged accounts; and the monthly type of a web-attack case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectResult, Finding, WebIncident } from '../../../electron/common/detect';
import { proposeSeverity } from '../../../electron/engine/incident/propose';
import { parseStandard } from '../../../electron/engine/incident/standard';
import { webStory } from '../../../electron/engine/incident/web-story';
import { REPO_ROOT } from '../helpers/cli';

const FILE = path.join(REPO_ROOT, 'resources/incident/severity-standard.json');
const standard = parseStandard(FILE, readFileSync(FILE, 'utf8'));

function result(over: Partial<DetectResult['incident']> & { web?: unknown } = {}, findings: Finding[] = []): DetectResult {
  return {
    findings,
    beacons: [],
    rules: { loaded: 0, problems: [] },
    elapsed_s: 0,
    incident: { patient_zero: null, hosts: [], payload_urls: [], c2: [], ioc_hits: [], infected: [], lateral_movement: [], spam: [], clicked: [], ...over } as DetectResult['incident'],
  };
}

const finding = (attack: string[], over: Partial<Finding> = {}): Finding => ({
  id: `r:${attack[0]}`,
  rule: 'r',
  title: `rule ${attack[0]}`,
  severity: 'high',
  attack,
  stage: 'other',
  host: 'srv-01',
  user: null,
  time: '2026-11-01T00:00:00.000Z',
  event_ids: [1],
  reasons: [],
  ...over,
});

describe('proposed severity', () => {
  it('nothing in the story: informational, saying why', () => {
    const p = proposeSeverity(result(), standard);
    expect(p.level).toBe('informational');
    expect(p.reasons).toEqual(['no criterion of a higher level is met by the evidence']);
  });

  it('data taken (a finding mapped to T1048.003) is critical; a dismissed one is not', () => {
    expect(proposeSeverity(result({}, [finding(['T1048.003'])]), standard)).toMatchObject({ level: 'critical', reasons: ['data taken (exfiltration technique): 1 — rule T1048.003'] });
    const dismissed = finding(['T1048.003'], { review: { verdict: 'dismissed', examiner: 'x', time: 't', comment: null } });
    expect(proposeSeverity(result({}, [dismissed]), standard).level).toBe('informational');
  });

  it('a successful web attack or web shell (incident.web) is a compromised public-facing server: critical', () => {
    const web: WebIncident = { attackers: [{ ip: '203.0.113.9', first: '2026-11-01T00:00:00Z', last: '2026-11-01T01:00:00Z', requests: 90, techniques: ['sqli'], successes: 2 }], successes: [{ time: '2026-11-01T00:10:00Z', ip: '203.0.113.9', technique: 'sqli', url: '/login.php?id=1%27', status: 200, bytes: 5000, event_id: 7 }], webshells: [] };
    const p = proposeSeverity(result({ web }), standard, 'ja');
    expect(p.level).toBe('critical');
    expect(p.reasons[0]).toBe('公開サーバーの侵害: 1件 — /login.php?id=1%27');
    expect(webStory(result({ web }).incident).attackers[0]).toMatchObject({ ip: '203.0.113.9', successes: 2 });
  });

  it('a privileged account on an infected host is high; with lateral movement, critical', () => {
    const infected = [{ host: 'adm-01', user: 'CORP\\Administrator', first_malicious: 't', reasons: ['x'], steps: [] }];
    expect(proposeSeverity(result({ hosts: ['adm-01'], infected }), standard).level).toBe('high');
    const lateral = [{ from: 'adm-01', to: 'srv-02', time: 't', event_ids: [] }];
    const p = proposeSeverity(result({ hosts: ['adm-01'], infected, lateral_movement: lateral }), standard);
    expect(p.level).toBe('critical');
    expect(p.reasons).toEqual(['lateral movement: 1 — adm-01 → srv-02', 'privileged accounts involved: 1 — CORP\\Administrator']);
  });
});
