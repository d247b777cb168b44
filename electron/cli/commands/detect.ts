// `tracelight detect CASE [--ioc FILE]... [--rules FILE_OR_DIR]... [--json]`: rules, beacons
// and indicator matches over the case, and the incident they add up to (contract 1). The case
// is opened for inspection only: detection records nothing and takes no lock, and examiners'
// confirm/dismiss verdicts and the indicator files kept in the case are applied. Rule and indicator-file problems
// go to stderr, one line each, and do not stop the run.
import type { ActorResolution, DetectResult, Finding } from '../../common/detect';
import { detectWithCaseIocs } from '../../engine/detect/case-detection';
import { warn, write } from '../output';
import { openCase } from './open-case';

export interface DetectArgs {
  casePath: string;
  iocFiles: string[];
  ruleFiles: string[];
  json: boolean;
  /** detect --chain-window HOURS: see story/chain-link.ts. */
  chainWindowHours?: number;
}

export async function detectCommand(args: DetectArgs): Promise<number> {
  const session = await openCase(args.casePath, { readOnly: true });
  let result: DetectResult;
  try {
    result = await detectWithCaseIocs(session.store, args.iocFiles, args.ruleFiles, args.chainWindowHours);
  } finally {
    session.close();
  }
  for (const p of result.rules.problems) warn(`${p.file}${p.rule ? `: ${p.rule}` : ''}: ${p.message.replace(/\s*\n\s*/g, ' ')}`);
  await write(args.json ? `${JSON.stringify(result, null, 2)}\n` : summary(args.casePath, result));
  return 0;
}

const line = (s: string) => s.replace(/[\r\n\t]+/g, ' ');
const RANK = { informational: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

function summary(casePath: string, r: DetectResult): string {
  const i = r.incident;
  const out: string[] = [];
  const severe = r.findings.filter((f) => RANK[f.severity] >= RANK.high).length;
  out.push(`${casePath}: ${r.findings.length} findings (${severe} high or critical), ${r.rules.loaded} rules, ${r.beacons.length} beacon candidates, ${i.ioc_hits.length} indicator matches, ${r.elapsed_s} s`);
  out.push('');
  if (i.patient_zero) {
    const pz = i.patient_zero;
    out.push(`Patient zero:   ${pz.host}${pz.user ? ` (${pz.user})` : ''}, first malicious execution ${pz.time}`);
    if (pz.resolved) out.push(`Address:        ${resolvedLine(pz.resolved)}`);
    if (pz.lure) out.push(`Lure:           ${line(pz.lure)}${pz.lure_time ? ` (opened ${pz.lure_time})` : ''}`);
    if (pz.reason) out.push(`Why:            ${line(pz.reason)}`);
  } else {
    out.push('Patient zero:   none (no host with malicious execution)');
  }
  out.push(`Infected hosts: ${i.hosts.length ? i.hosts.join(', ') : 'none'}`);
  for (const u of i.payload_urls) out.push(`Payload URL:    ${line(u)}`);
  for (const u of i.phishing_urls ?? []) out.push(`Phishing URL:   ${line(u)}`);
  for (const c of i.c2) out.push(`C2:             ${c.ip}${c.port !== null ? `:${c.port}` : ''}${c.domain ? ` (${c.domain})` : ''}`);
  for (const l of i.lateral_movement) out.push(`Lateral:        ${l.from} -> ${l.to} at ${l.time}`);
  for (const s of i.spam) out.push(`Spam:           ${s.host}: ${s.count} SMTP connections from ${s.first}`);
  for (const c of i.clicked) out.push(`Accessed:       ${c.host ?? c.src_ip ?? '?'}${c.user ? ` (${c.user})` : ''} ${c.time} ${line(c.url)}`);
  const indicators = new Map<string, number>();
  for (const h of i.ioc_hits) indicators.set(h.indicator, (indicators.get(h.indicator) ?? 0) + 1);
  for (const [ind, n] of indicators) out.push(`Indicator:      ${ind} (${n} event${n === 1 ? '' : 's'})`);
  for (const h of i.infected) {
    out.push('');
    out.push(`${h.host}${h.user ? ` (${h.user})` : ''}: ${h.reasons.map(line).join('; ')}`);
    if (h.resolved) out.push(`  ${resolvedLine(h.resolved)}`);
    for (const s of h.steps) out.push(`  ${s.time}  ${s.stage.padEnd(11)} ${line(s.summary)}`);
  }
  if (r.findings.length) {
    out.push('');
    out.push('Findings:');
    for (const f of r.findings) out.push(`  ${f.time}  ${f.severity.padEnd(8)} ${(f.host ?? '-').padEnd(24)} ${findingLine(f)}`);
  }
  return `${out.join('\n')}\n`;
}

/** "10.20.30.47, resolved to wks-acct-07 from edr.csv (defender-hunting-csv)". */
function resolvedLine(r: ActorResolution): string {
  return line(`${r.ip}, resolved to ${r.host}${r.evidence.length ? ` from ${r.evidence.join(', ')}` : ''}`);
}

function findingLine(f: Finding): string {
  const review = f.review ? ` [${f.review.verdict} by ${f.review.examiner}]` : '';
  return `${line(f.title)} (${f.event_ids.length} event${f.event_ids.length === 1 ? '' : 's'})${review}`;
}
