// The severity and escalation standard: data, not code (resources/incident/severity-standard.json
// by default). An organization edits a copy and hands it over with --standard FILE, or keeps it
// as severity-standard.json in the workspace or beside the case. A file that does not say what a
// standard must is an error naming the file and the problem, never half-used.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Severity } from '../../common/detect';
import { SEVERITY_LEVELS, type CriterionName, type Localized } from '../../common/incident';
import { resourcePath } from '../export/resources';

export const STANDARD_FILE_NAME = 'severity-standard.json';

const CRITERIA: readonly CriterionName[] = [
  'active_c2',
  'infected_hosts',
  'lateral_movement',
  'privileged_accounts',
  'data_taken',
  'public_facing_compromised',
  'phishing_access',
];

export type Condition = { criterion: CriterionName; min: number } | { all: Condition[] };

export interface StandardLevel {
  id: Severity;
  name: Localized;
  when: Condition[];
  escalation: { targets: Localized[]; deadline_minutes: number | null };
}

export interface SeverityStandard {
  /** Where it was read from (shown with the proposal). */
  file: string;
  name: Localized;
  privileged: RegExp[];
  levels: StandardLevel[];
}

export class StandardError extends Error {
  override name = 'UnreadableInputError';
}

type Json = Record<string, unknown>;

function localized(v: unknown, where: string): Localized {
  const o = (v ?? {}) as Json;
  if (typeof v === 'string') return { en: v, ja: v };
  if (typeof o.en !== 'string' || typeof o.ja !== 'string') throw new Error(`${where}: needs "en" and "ja" text`);
  return { en: o.en, ja: o.ja };
}

function condition(v: unknown, where: string): Condition {
  const o = (v ?? {}) as Json;
  if (Array.isArray(o.all)) return { all: o.all.map((c, i) => condition(c, `${where}.all[${i}]`)) };
  if (!CRITERIA.includes(o.criterion as CriterionName)) {
    throw new Error(`${where}: unknown criterion "${String(o.criterion)}" (known: ${CRITERIA.join(', ')})`);
  }
  const min = o.min === undefined ? 1 : Number(o.min);
  if (!Number.isInteger(min) || min < 1) throw new Error(`${where}: "min" must be a whole number of at least 1`);
  return { criterion: o.criterion as CriterionName, min };
}

export function parseStandard(file: string, text: string): SeverityStandard {
  try {
    const doc = JSON.parse(text) as Json;
    if (!Array.isArray(doc.levels) || doc.levels.length === 0) throw new Error('"levels" must list the severity levels');
    const seen = new Set<string>();
    const levels = doc.levels.map((raw, i): StandardLevel => {
      const l = (raw ?? {}) as Json;
      const where = `levels[${i}]`;
      if (!SEVERITY_LEVELS.includes(l.id as Severity)) throw new Error(`${where}: "id" must be one of ${SEVERITY_LEVELS.join(', ')}`);
      if (seen.has(String(l.id))) throw new Error(`${where}: level "${String(l.id)}" is listed twice`);
      seen.add(String(l.id));
      const esc = (l.escalation ?? {}) as Json;
      const deadline = esc.deadline_minutes === null || esc.deadline_minutes === undefined ? null : Number(esc.deadline_minutes);
      if (deadline !== null && !(deadline >= 0)) throw new Error(`${where}.escalation: "deadline_minutes" must be minutes or null`);
      return {
        id: l.id as Severity,
        name: localized(l.name, `${where}.name`),
        when: (Array.isArray(l.when) ? l.when : []).map((c, j) => condition(c, `${where}.when[${j}]`)),
        escalation: {
          targets: (Array.isArray(esc.targets) ? esc.targets : []).map((t, j) => localized(t, `${where}.escalation.targets[${j}]`)),
          deadline_minutes: deadline,
        },
      };
    });
    const patterns = Array.isArray(doc.privileged_account_patterns) ? doc.privileged_account_patterns.map(String) : [];
    return {
      file,
      name: doc.name === undefined ? { en: path.basename(file), ja: path.basename(file) } : localized(doc.name, 'name'),
      privileged: patterns.map((p) => new RegExp(p, 'i')),
      levels,
    };
  } catch (err) {
    throw new StandardError(`${file}: not a usable severity standard (${(err as Error).message})`);
  }
}

export function loadStandardFile(file: string): SeverityStandard {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new StandardError(`${file}: cannot read severity standard (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return parseStandard(file, text.replace(/^\ufeff/, ''));
}

/**
 * The standard in force: the file given, else severity-standard.json in the first folder of
 * `folders` that has one (the workspace, the case's folder), else Tracelight's default.
 */
export function resolveStandard(given: string | undefined, folders: string[] = []): SeverityStandard {
  if (given) return loadStandardFile(given);
  for (const dir of folders) {
    const candidate = path.join(dir, STANDARD_FILE_NAME);
    if (existsSync(candidate)) return loadStandardFile(candidate);
  }
  return loadStandardFile(resourcePath(`incident/${STANDARD_FILE_NAME}`));
}
