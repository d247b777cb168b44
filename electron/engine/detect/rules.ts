// Detection rules, the entry point the rest of the engine calls: the curated Sigma rules in
// resources/rules/ plus any the examiner adds, compiled once, then run over a case.
// The engine itself lives in ./sigma/ (see README "Detection rules").
import type { Finding, RuleProblem } from '../../common/detect';
import type { CaseStore } from '../store/case-store';
import type { CompiledRule } from './sigma/compile';
import { loadRules } from './sigma/load';
import { sigmaWindowsMapping } from './sigma/mapping';
import { resourcePath } from './sigma/resources';
import { RulePass, runCompiledRules } from './sigma/run';

export type { CompiledRule, RulePass };

export interface RuleSet {
  rules: CompiledRule[];
  problems: RuleProblem[];
}

/** The folder of the curated rules that ship with Tracelight. */
export function curatedRulesDir(): string {
  return resourcePath('rules');
}

/**
 * The curated rules plus user rule files or folders (every *.yml / *.yaml inside, recursively).
 * Rules that cannot be read or use unsupported Sigma features are in `problems`, not run.
 */
export function loadRuleSet(extraPaths: readonly string[] = []): RuleSet {
  return loadRules([curatedRulesDir(), ...extraPaths], sigmaWindowsMapping());
}

/** Runs a rule set over every event of the case: one finding per rule and host, in time order. */
export function runRules(store: CaseStore, set: RuleSet): Finding[] {
  return runCompiledRules(store, set.rules, sigmaWindowsMapping());
}

/**
 * The same run, stepped along with another pass over the events (see RulePass.until): call
 * finish() for the findings, and free() in any case.
 */
export function startRules(store: CaseStore, set: RuleSet): RulePass {
  return new RulePass(store, set.rules, sigmaWindowsMapping());
}
