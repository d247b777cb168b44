// One case's incident as the command line and the app read it: a fresh detection run (with the
// indicator files kept in the case and the examiners' reviews, as `detect` does), then the state.
import path from 'node:path';
import type { DetectResult } from '../../common/detect';
import type { IncidentLang, IncidentState } from '../../common/incident';
import type { CaseSession } from '../custody/session';
import { detectWithCaseIocs } from '../detect/case-detection';
import { resolveStandard, type SeverityStandard } from './standard';
import { incidentState } from './state';

export interface LoadedIncident {
  detection: DetectResult;
  standard: SeverityStandard;
  state: IncidentState;
}

export interface IncidentOptions {
  /** --standard FILE; else severity-standard.json in `folders`, else the default. */
  standardFile?: string;
  /** Where an organization's standard may be kept (workspace); the case's own folder is tried too. */
  folders?: string[];
  lang?: IncidentLang;
  /** Indicator files to match besides those kept in the case (`--ioc`). */
  iocFiles?: string[];
  /** A detection result already at hand (the app's last run). */
  detection?: DetectResult;
}

export async function loadIncident(session: CaseSession, opts: IncidentOptions = {}): Promise<LoadedIncident> {
  const standard = resolveStandard(opts.standardFile, [...(opts.folders ?? []), path.dirname(session.path)]);
  const detection = opts.detection ?? (await detectWithCaseIocs(session.store, opts.iocFiles ?? []));
  return { detection, standard, state: incidentState(session.store, detection, standard, opts.lang ?? 'en') };
}
