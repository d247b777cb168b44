// Which hosts ran malicious code. A host counts when an execution, download or persistence
// finding (severity medium or more) on it was caused by the chain: its process descends from
// an Office application (the lure), or the host shows two or more such stages within the chain
// window (a download and a Run key; an execution and C2 beaconing), or an examiner confirmed it. The same command
// alone (an administrator's encoded PowerShell from a scheduled task) does not make a host
// infected, and neither does opening a document that nothing followed.
import { asParam, listParam, say } from '../said';
import type { Finding, Severity, Stage } from '../../../common/detect';
import type { StoryEvent } from './events';
import { hostKey } from './hosts';
import { DEFAULT_CHAIN_WINDOW_HOURS } from './chain-link';
import type { OfficeAncestor, ProcessTree } from './process-tree';

const RANK: Record<Severity, number> = { informational: 0, low: 1, medium: 2, high: 3, critical: 4 };
export const MALICIOUS_STAGES: ReadonlySet<Stage> = new Set(['execution', 'download', 'persistence']);

const atLeast = (f: Finding, s: Severity) => RANK[f.severity] >= RANK[s];
export const confirmed = (f: Finding) => f.review?.verdict === 'confirmed';

export interface ExecutionEvidence {
  key: string;
  /** The host string as the finding carries it (used to query its events). */
  host: string;
  firstMalicious: string;
  firstEvent: StoryEvent | null;
  user: string | null;
  office: OfficeAncestor | null;
  reasons: string[];
  /** Findings that count as the chain on this host. */
  findings: Finding[];
}

/**
 * C2-stage findings that corroborate a chain: an indicator match, or a beacon to a bare public
 * IP on a non-standard port (rated high). A regular HTTPS poll of a named service is what
 * legitimate agents do, and a single odd connection proves little.
 */
function corroboratingC2(f: Finding): boolean {
  return f.stage === 'c2' && ((f.rule === 'beacon' && atLeast(f, 'high')) || f.rule === 'ioc' || confirmed(f));
}

/**
 * The stages of the findings that happened together: those within the window of a finding of
 * another stage. A download on Monday and a Run key a week later are two unrelated events, not
 * one chain.
 */
function coOccurringStages(list: readonly Finding[], windowMs: number): Set<Stage> {
  const out = new Set<Stage>();
  for (const a of list) {
    for (const b of list) {
      if (a.stage !== b.stage && Math.abs(Date.parse(a.time) - Date.parse(b.time)) <= windowMs) {
        out.add(a.stage);
        out.add(b.stage);
      }
    }
  }
  return out;
}

export function executionInfections(
  findings: readonly Finding[],
  events: Map<number, StoryEvent>,
  tree: Pick<ProcessTree, 'officeAncestor'>,
  windowHours: number = DEFAULT_CHAIN_WINDOW_HOURS,
): Map<string, ExecutionEvidence> {
  const byHost = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.host) continue;
    const k = hostKey(f.host);
    const list = byHost.get(k);
    if (list) list.push(f);
    else byHost.set(k, [f]);
  }
  const out = new Map<string, ExecutionEvidence>();
  for (const [key, list] of byHost) {
    const malicious = list.filter((f) => MALICIOUS_STAGES.has(f.stage) && (atLeast(f, 'medium') || confirmed(f)));
    if (malicious.length === 0) continue;
    let caused: { f: Finding; e: StoryEvent | null; office: OfficeAncestor | null } | null = null;
    const reasons: string[] = [];
    for (const f of malicious) {
      for (const id of f.event_ids) {
        const e = events.get(id);
        if (!e) continue;
        const office = tree.officeAncestor(e);
        if (office && (!caused || e.time < (caused.e?.time ?? caused.f.time))) caused = { f, e, office };
      }
      if (confirmed(f) && (!caused || f.time < (caused.e?.time ?? caused.f.time))) {
        caused = { f, e: events.get(f.event_ids[0]!) ?? null, office: null };
      }
    }
    // A corroborating C2 finding counts as the c2 stage (its time is when the beacon began).
    const stages = coOccurringStages([...malicious, ...list.filter(corroboratingC2).map((f) => ({ ...f, stage: 'c2' as Stage }))], windowHours * 3600_000);
    if (caused?.office) reasons.push(say('infected.underLure', { title: asParam(caused.f.title), office: caused.office.name }, `${caused.f.title}: started under ${caused.office.name} (the lure)`));
    else if (caused) reasons.push(say('infected.confirmed', { title: asParam(caused.f.title), examiner: caused.f.review!.examiner }, `${caused.f.title}: confirmed by ${caused.f.review!.examiner}`));
    if (stages.size >= 2) reasons.push(say('infected.stages', { stages: listParam([...stages].map((st) => ({ code: `stage.${st}` }))) }, `${[...stages].join(', ')} on the same host`));
    if (reasons.length === 0) continue;
    const earliest = [...malicious].sort((a, b) => a.time.localeCompare(b.time))[0]!;
    const first = caused ? (caused.e?.time ?? caused.f.time) : earliest.time;
    const firstEvent = caused ? caused.e : (events.get(earliest.event_ids[0]!) ?? null);
    out.set(key, {
      key,
      host: (caused?.f ?? earliest).host!,
      firstMalicious: first,
      firstEvent,
      user: firstEvent?.user ?? (caused?.f ?? earliest).user,
      office: caused?.office ?? (firstEvent ? tree.officeAncestor(firstEvent) : null),
      reasons,
      findings: malicious,
    });
  }
  return out;
}
