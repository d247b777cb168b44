// Web triage as findings: one per attacker, so that the attacks sit in the findings list, can be
// reviewed (confirmed, dismissed) and reach the reports like any rule's hit.
import { listParam, said as say } from '../said';
import type { Finding, Severity, WebIncident, WebTechnique } from '../../../common/detect';

const ATTACK: Record<WebTechnique, string[]> = {
  scanner: ['T1595'],
  sqli: ['T1190'],
  traversal: ['T1190'],
  cmdi: ['T1190', 'T1059'],
  xss: ['T1189'],
  upload: ['T1190', 'T1105'],
  webshell: ['T1505.003'],
};

export function webFindingId(ip: string, firstEventId: number): string {
  return `web-attack:${ip}:${firstEventId}`;
}

export function webFindings(web: WebIncident, eventIds: ReadonlyMap<string, number[]>): Finding[] {
  const out: Finding[] = [];
  for (const a of web.attackers) {
    const ids = [...(eventIds.get(a.ip) ?? [])].sort((x, y) => x - y);
    const severity: Severity = a.techniques.includes('webshell') ? 'critical' : a.successes > 0 ? 'high' : a.techniques.some((t) => t !== 'scanner') ? 'medium' : 'low';
    const first = web.successes.find((s) => s.ip === a.ip);
    const shells = web.webshells.filter((w) => w.ips.includes(a.ip));
    const techniques = listParam(a.techniques.map((t) => ({ code: `web.technique.${t}` })));
    const said = [
      say('web.requests', { n: a.requests, first: a.first, last: a.last, techniques }, `${a.requests} requests from ${a.first} to ${a.last}; techniques: ${a.techniques.join(', ')}`),
      ...(a.tools?.length ? [say('web.tool', { tools: a.tools.join(', ') }, `attack tool in the user agent: ${a.tools.join(', ')}`)] : []),
      ...(first
        ? [say('web.firstSuccess', { technique: { code: `web.technique.${first.technique}` }, url: first.url, why: first.reason_code ?? first.reason ?? String(first.status) }, `first success: ${first.technique} ${first.url} (${first.reason ?? first.status})`)]
        : [say('web.noSuccess', {}, 'no request looks successful')]),
      ...shells.map((w) => say(w.commands.length ? 'web.shellCommands' : 'web.shell', { path: w.path, commands: w.commands.slice(0, 5).join(' ; ') }, `web shell ${w.path}${w.commands.length ? `: ${w.commands.slice(0, 5).join(' ; ')}` : ''}`)),
    ];
    const reasons = said.map((x) => x.text);
    out.push({
      id: webFindingId(a.ip, ids[0] ?? 0),
      rule: 'web-attack',
      title: `Web attack from ${a.ip}: ${a.techniques.join(', ')}`,
      title_code: { code: 'finding.web', params: { ip: a.ip, techniques } },
      severity,
      attack: [...new Set(a.techniques.flatMap((t) => ATTACK[t]))],
      stage: 'other',
      host: null,
      src_ip: a.ip,
      user: null,
      time: a.first,
      event_ids: ids,
      reasons,
      reason_codes: said.map((x) => x.coded),
    });
  }
  return out;
}
