// What every containment-list writer is given: the case, its severity and phase, and the
// indicators the examiner confirmed, each with the events that show it.
import type { Severity } from '../../../common/detect';
import type { IncidentPhase, IndicatorCandidate } from '../../../common/incident';

export const CONTAINMENT_FORMATS = ['fortigate', 'panos-edl', 'csv', 'stix', 'misp'] as const;
export type ContainmentFormat = (typeof CONTAINMENT_FORMATS)[number];

export interface ConfirmedIndicator extends IndicatorCandidate {
  confirmed: NonNullable<IndicatorCandidate['confirmed']>;
}

export interface ContainmentInput {
  case: { name: string; caseId: string; path: string };
  severity: Severity | null;
  phase: IncidentPhase;
  indicators: ConfirmedIndicator[];
  /** When the list is made (the bundle's and event's own timestamps). */
  now: string;
}

export interface ContainmentOutput {
  text: string;
  /** Indicators the format cannot carry (a hash on a firewall), with why. */
  skipped: { value: string; reason: string }[];
}

/** "events 12, 13, 14 (+20 more)": the source events named in comments of limited length. */
export function eventList(ids: number[], max = 20): string {
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? `${shown} (+${ids.length - max} more)` : shown;
}
