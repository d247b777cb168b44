// Pure edits of a column mapping in the dialog, kept consistent as the examiner changes it:
// one column per target, and one "time" column or one "date" with at most one "clock" —
// choosing a target moves the column that had it (or the other time kind) back to extra.
import type { ColumnMapping, MappingTarget } from '../../contracts';

const TIME_TARGETS: readonly MappingTarget[] = ['time', 'date', 'clock'];

/**
 * What choosing `target` for `source` displaces: another column with the same target (an
 * event has one host, one user...), and for the time roles the other kind.
 */
function displaced(target: MappingTarget, other: MappingTarget): boolean {
  if (target === 'extra' || target === 'ignore') return false;
  if (other === target) return true;
  if (!TIME_TARGETS.includes(target) || !TIME_TARGETS.includes(other)) return false;
  return target === 'time' || other === 'time';
}

export function setTarget(mapping: ColumnMapping, source: string, target: MappingTarget): ColumnMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.source === source) return { ...c, target };
      return displaced(target, c.target) ? { ...c, target: 'extra' } : c;
    }),
  };
}

/** Why the mapping cannot be used yet (a string key of the dialog's dictionary), or null. */
export function mappingProblem(mapping: ColumnMapping): 'mapping.problem.clockNeedsDate' | 'mapping.problem.chooseTime' | null {
  const has = (t: MappingTarget): boolean => mapping.columns.some((c) => c.target === t);
  if (has('clock') && !has('date')) return 'mapping.problem.clockNeedsDate';
  if (!has('time') && !has('date')) return 'mapping.problem.chooseTime';
  return null;
}
