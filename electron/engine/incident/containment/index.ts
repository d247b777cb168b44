// Containment lists: the case's confirmed indicators in the format a blocking device or a
// sharing platform reads.
import type { IncidentState } from '../../../common/incident';
import { csvList } from './csv';
import { edlList } from './edl';
import { fortigateList } from './fortigate';
import { mispEvent } from './misp';
import { stixBundle } from './stix';
import { CONTAINMENT_FORMATS, type ConfirmedIndicator, type ContainmentFormat, type ContainmentInput, type ContainmentOutput } from './types';

export { CONTAINMENT_FORMATS, type ContainmentFormat };

const WRITERS: Record<ContainmentFormat, (input: ContainmentInput) => ContainmentOutput> = {
  fortigate: fortigateList,
  'panos-edl': edlList,
  csv: csvList,
  stix: stixBundle,
  misp: mispEvent,
};

export function containmentInput(state: IncidentState, now = new Date().toISOString()): ContainmentInput {
  return {
    case: { name: state.case.name, caseId: state.case.caseId, path: state.case.path },
    severity: state.severity,
    phase: state.phase,
    indicators: state.indicators.filter((i): i is ConfirmedIndicator => i.confirmed !== null),
    now,
  };
}

export function containmentList(format: ContainmentFormat, input: ContainmentInput): ContainmentOutput {
  return WRITERS[format](input);
}
