// Detection, the one entry point the CLI and the RPC call: rules (./rules.ts), beacons and
// indicator matches (one scan of the events, ./scan.ts, which the rules' queries follow
// closely so the case is read from disk once), then the incident story
// (./story/assemble.ts) from every finding an examiner has not dismissed.
import type { DetectResult, Finding, FindingReview, RuleProblem } from '../../common/detect';
import type { CodedText } from '../../common/coded-text';
import type { CaseStore } from '../store/case-store';
import { BeaconCollector } from './beacon';
import { beaconFindingId, beaconFindings } from './beacon-findings';
import { EventIndex } from './event-index';
import { IocMatcher } from './ioc/matcher';
import { loadIndicatorFile } from './ioc/load';
import type { IndicatorFile } from './ioc/types';
import { IocCollector, iocFindings, iocGroupKey, MAX_IOC_HITS } from './ioc-hits';
import { loadRuleSet, startRules } from './rules';
import { scanEvents, type ScanVisitor } from './scan';
import { assembleIncident } from './story/coded-incident';
import { WebCollector } from './web/collector';
import { webFindings } from './web/findings';
import { triageWeb } from './web/triage';

export interface DetectOptions {
  /** Indicator files (plain, CSV, STIX, MISP); an unusable one throws IocFileError naming it. */
  iocFiles?: string[];
  /** Extra Sigma rule files or folders, beside the curated rules. */
  ruleFiles?: string[];
  /** Examiners' verdicts by finding id: dismissed findings leave the story, confirmed ones stay. */
  reviews?: Map<string, FindingReview>;
  /** Hours of quiet that separate two episodes of a chain when choosing patient zero (story/chain-link.ts). */
  chainWindowHours?: number;
}

/** Skipped entries of an indicator file, reported like rule problems (a few, then a count). */
function iocProblems(file: IndicatorFile): RuleProblem[] {
  const unit = file.format === 'stix' || file.format === 'misp' ? 'entry' : 'line';
  const shown: RuleProblem[] = file.skipped.slice(0, 5).map((s) => {
    const reason = s.reason_code ?? { code: 'text', params: { text: s.reason } };
    const coded: CodedText = s.line !== null ? { code: 'ioc.skippedAt', params: { at: { code: `ioc.unit.${unit}`, params: { n: String(s.line) } }, reason } } : { code: 'ioc.skipped', params: { reason } };
    return { file: file.source, rule: null, message: `${s.line !== null ? `${unit} ${s.line}: ` : ''}${s.reason} (skipped)`, message_code: coded };
  });
  if (file.skipped.length > 5) {
    const more = file.skipped.length - 5;
    shown.push({ file: file.source, rule: null, message: `${more} more entries skipped`, message_code: { code: 'ioc.moreSkipped', params: { n: more } } });
  }
  return shown;
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function runDetection(store: CaseStore, opts: DetectOptions = {}): Promise<DetectResult> {
  const started = performance.now();
  const iocFiles = (opts.iocFiles ?? []).map(loadIndicatorFile);
  // Between the long steps the event loop runs, so the grid's reads are answered meanwhile
  // (the engine serves them on this thread); each step alone still holds them while it runs.
  await pause();
  const ruleSet = loadRuleSet(opts.ruleFiles ?? []);
  await pause();
  const problems: RuleProblem[] = [...ruleSet.problems, ...iocFiles.flatMap(iocProblems)];

  const beacons = new BeaconCollector();
  const matcher = new IocMatcher(iocFiles);
  const iocs = new IocCollector(matcher);
  const index = new EventIndex();
  const web = new WebCollector();
  const visitors: ScanVisitor[] = [beacons.visit, index.visit, web.visit];
  if (!matcher.empty) visitors.push(iocs.visit);
  // The rules' queries step along with the scan, reading the same pages of the case.
  const rules = startRules(store, ruleSet);
  let ruleFindings: Finding[];
  try {
    // Pauses now and then, so the grid's reads are answered while detection runs.
    await scanEvents(store, visitors, { iocColumns: !matcher.empty, follow: (id) => rules.until(id) });
    await pause();
    ruleFindings = rules.finish();
  } finally {
    rules.free();
  }
  if (iocs.truncated > 0) {
    problems.push({
      file: iocFiles.map((f) => f.source).join(', '),
      rule: null,
      message: `${iocs.truncated} more indicator matches beyond the first ${MAX_IOC_HITS} are not listed`,
      message_code: { code: 'ioc.truncated', params: { n: iocs.truncated, max: MAX_IOC_HITS } },
    });
  }

  if (web.dropped > 0) {
    problems.push({
      file: 'web triage',
      rule: null,
      message: `${web.dropped} attack requests beyond the first ${web.kept.length} were not analysed`,
      message_code: { code: 'web.dropped', params: { n: web.dropped, kept: web.kept.length } },
    });
  }

  const candidates = beacons.finish();
  const iocGroups = new Map<string, string>();
  const webTriage = triageWeb(web);
  const findings: Finding[] = [...ruleFindings, ...beaconFindings(candidates), ...iocFindings(iocs.hits, iocGroups), ...webFindings(webTriage.incident, webTriage.eventIds)];
  const reviews = opts.reviews ?? new Map<string, FindingReview>();
  for (const f of findings) {
    const r = reviews.get(f.id);
    if (r) f.review = r;
  }
  findings.sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));

  const kept = findings.filter((f) => f.review?.verdict !== 'dismissed');
  // A dismissed beacon or indicator finding takes its beacon or hits out of the story too.
  const dismissedIds = new Set(findings.filter((f) => f.review?.verdict === 'dismissed').map((f) => f.id));
  const dismissedGroups = new Set([...iocGroups].filter(([id]) => dismissedIds.has(id)).map(([, g]) => g));
  const liveBeacons = candidates.filter((b) => !dismissedIds.has(beaconFindingId(b)));
  const liveHits = iocs.hits.filter((h) => !dismissedGroups.has(iocGroupKey(h)));
  await pause();
  const incident = assembleIncident({ store, index, contactsTo: (d, p) => beacons.contactsTo(d, p) }, kept, liveBeacons, liveHits, opts.chainWindowHours);
  // A dismissed web finding takes its attacker (and what it did) out of the web story.
  const dismissedWeb = new Set(findings.filter((f) => f.rule === 'web-attack' && dismissedIds.has(f.id)).map((f) => f.src_ip));
  const w = webTriage.incident;
  incident.web = {
    attackers: w.attackers.filter((a) => !dismissedWeb.has(a.ip)),
    successes: w.successes.filter((s) => !dismissedWeb.has(s.ip)),
    webshells: w.webshells.filter((s) => s.ips.some((ip) => !dismissedWeb.has(ip))),
  };

  return {
    findings,
    incident,
    beacons: candidates,
    rules: { loaded: ruleSet.rules.length, problems },
    elapsed_s: Math.round((performance.now() - started) / 10) / 100,
  };
}
