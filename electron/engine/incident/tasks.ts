// The per-phase task template (resources/incident/tasks.json): what every incident's checklist
// starts with, in English and Japanese. Ticks are custody entries naming a task id, so a case
// keeps its record even if the template later changes (the entry carries the text too).
import { readFileSync } from 'node:fs';
import { INCIDENT_PHASES, type IncidentPhase, type Localized } from '../../common/incident';
import { resourcePath } from '../export/resources';

export interface TaskTemplate {
  id: string;
  phase: IncidentPhase;
  text: Localized;
}

let cached: TaskTemplate[] | null = null;

export function parseTaskTemplate(file: string, text: string): TaskTemplate[] {
  const doc = JSON.parse(text) as { tasks?: unknown };
  if (!Array.isArray(doc.tasks)) throw new Error(`${file}: "tasks" must be a list`);
  const ids = new Set<string>();
  return doc.tasks.map((raw, i) => {
    const t = (raw ?? {}) as { id?: unknown; phase?: unknown; text?: { en?: unknown; ja?: unknown } };
    if (typeof t.id !== 'string' || !t.id || ids.has(t.id)) throw new Error(`${file}: tasks[${i}] needs a unique "id"`);
    ids.add(t.id);
    if (!INCIDENT_PHASES.includes(t.phase as IncidentPhase)) throw new Error(`${file}: tasks[${i}]: unknown phase "${String(t.phase)}"`);
    if (typeof t.text?.en !== 'string' || typeof t.text?.ja !== 'string') throw new Error(`${file}: tasks[${i}] needs "en" and "ja" text`);
    return { id: t.id, phase: t.phase as IncidentPhase, text: { en: t.text.en, ja: t.text.ja } };
  });
}

export function taskTemplate(): TaskTemplate[] {
  if (!cached) {
    const file = resourcePath('incident/tasks.json');
    cached = parseTaskTemplate(file, readFileSync(file, 'utf8'));
  }
  return cached;
}
