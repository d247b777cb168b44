// What a rule's tags say: ATT&CK technique ids and the rule's place in the chain.
import type { Severity, Stage } from '../../../common/detect';

export const SEVERITIES: readonly Severity[] = ['informational', 'low', 'medium', 'high', 'critical'];
export const STAGES: readonly Stage[] = ['lure', 'execution', 'download', 'persistence', 'c2', 'lateral', 'spam', 'discovery', 'other'];

/** attack.t1059.001 -> T1059.001 (other attack.* tags name tactics, groups or software). */
export function attackIds(tags: readonly string[]): string[] {
  const ids: string[] = [];
  for (const t of tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t.trim());
    if (m) ids.push(m[1]!.toUpperCase());
  }
  return [...new Set(ids)];
}

// Tactics in the order that decides a rule with several: where the step sits in the chain
// matters more than that it also evades defences.
const TACTIC_STAGES: [string, Stage][] = [
  ['lateral_movement', 'lateral'],
  ['persistence', 'persistence'],
  ['command_and_control', 'c2'],
  ['initial_access', 'lure'],
  ['execution', 'execution'],
  ['defense_evasion', 'execution'],
  ['privilege_escalation', 'execution'],
  ['discovery', 'discovery'],
];

/** The stage from ATT&CK tactic tags (attack.persistence...), 'other' when none says. */
export function stageFromTags(tags: readonly string[]): Stage {
  const tactics = new Set(tags.map((t) => t.trim().toLowerCase().replace(/-/g, '_')).filter((t) => t.startsWith('attack.')).map((t) => t.slice(7)));
  for (const [tactic, stage] of TACTIC_STAGES) if (tactics.has(tactic)) return stage;
  return 'other';
}
