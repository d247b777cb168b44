// Running an incident (issue 14): its phase, severity with the proposal Tracelight derives from
// the evidence, affected assets, per-phase tasks, confirmed indicators, and the views over a
// folder of cases (retro-hunt, monthly report). Types only: the renderer imports them.
import type { Severity } from './detect';

/** NIST SP 800-61's life cycle as DFIR-IRIS names its case states. */
export const INCIDENT_PHASES = ['detection', 'analysis', 'containment', 'eradication', 'recovery', 'post-incident', 'closed'] as const;
export type IncidentPhase = (typeof INCIDENT_PHASES)[number];

export const SEVERITY_LEVELS: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational'];

export const ASSET_STATUSES = ['suspected', 'infected', 'contained', 'cleared'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export type IncidentLang = 'en' | 'ja';
export type Localized = Record<IncidentLang, string>;

/** One phase or severity change (an incident.phase.set / incident.severity.set custody entry). */
export interface IncidentChange {
  /** = the custody entry's id. */
  id: number;
  time: string;
  examiner: string;
  field: 'phase' | 'severity';
  from: string | null;
  to: string;
  reason: string | null;
  /** Severity changes: what Tracelight proposed when the examiner decided. */
  proposed?: SeverityProposal | null;
}

export interface SeverityProposal {
  level: Severity;
  reasons: string[];
  /** The measured criteria the proposal was made from. */
  criteria: SeverityCriteria;
}

export interface SeverityCriteria {
  active_c2: number;
  infected_hosts: number;
  lateral_movement: number;
  privileged_accounts: number;
  data_taken: number;
  public_facing_compromised: number;
  phishing_access: number;
}
export type CriterionName = keyof SeverityCriteria;

export interface EscalationStep {
  level: Severity;
  name: Localized;
  targets: Localized[];
  /** Minutes from the level being set to the escalation being due. */
  deadline_minutes: number | null;
}

export interface IncidentAsset {
  host: string | null;
  src_ip: string | null;
  user: string | null;
  status: AssetStatus;
  /** "story" when prefilled from detection and not changed since; "examiner" otherwise. */
  origin: 'story' | 'examiner';
  /** Why the story names it (infected, reached a phishing URL, lateral target). */
  why: string | null;
  updated_by: string | null;
  updated_at: string | null;
}

export interface IncidentTask {
  id: string;
  phase: IncidentPhase;
  text: string;
  done: boolean;
  by: string | null;
  at: string | null;
}

export type IndicatorKind = 'ip' | 'cidr' | 'domain' | 'url' | 'sha256' | 'sha1' | 'md5';

/** An indicator the evidence suggests for blocking, with the events that show it. */
export interface IndicatorCandidate {
  type: IndicatorKind;
  value: string;
  port: number | null;
  /** Where the story found it: c2, payload_url, phishing_url, ioc_hit, web_attacker. */
  source: string;
  event_ids: number[];
  first_seen: string | null;
  last_seen: string | null;
  hosts: string[];
  confirmed: { examiner: string; time: string; comment: string | null } | null;
}

export interface IncidentState {
  case: { path: string; name: string; caseId: string; createdAt: string };
  phase: IncidentPhase;
  severity: Severity | null;
  proposed_severity: SeverityProposal;
  escalation: EscalationStep | null;
  history: IncidentChange[];
  assets: IncidentAsset[];
  tasks: IncidentTask[];
  indicators: IndicatorCandidate[];
  /** When each measure's clock stopped (null while it runs). */
  times: { opened: string; started: string | null; contained: string | null; closed: string | null };
}

export interface HuntHit {
  case: string;
  indicator: string;
  host: string | null;
  src_ip: string | null;
  user: string | null;
  time: string;
  event_id: number;
  url?: string | null;
  field?: string;
}

export type IncidentType = 'emotet' | 'web-attack' | 'phishing-access' | 'other';

export interface MonthlyCase {
  case: string;
  name: string;
  type: IncidentType;
  severity: Severity | null;
  phase: IncidentPhase;
  started: string | null;
  opened: string;
  contained: string | null;
  closed: string | null;
  infected_hosts: string[];
  attackers: string[];
  indicators: string[];
}

export interface PhishingAccess {
  case: string;
  host: string | null;
  src_ip: string | null;
  user: string | null;
  url: string;
  time: string;
}

export interface DurationStats {
  count: number;
  mean_hours: number | null;
  worst_hours: number | null;
}

export interface MonthlyReport {
  month: string;
  cases: MonthlyCase[];
  phishing_access: PhishingAccess[];
  totals: {
    cases: number;
    by_type: Record<IncidentType, number>;
    by_severity: Record<string, number>;
    by_phase: Record<string, number>;
    infected_hosts: number;
    phishing_access: number;
    time_to_detect: DurationStats;
    time_to_contain: DurationStats;
    time_to_close: DurationStats;
    top_indicators: { indicator: string; cases: number }[];
  };
  /** Cases in the folder that could not be read, with the reason (never silently left out). */
  unreadable: { case: string; reason: string }[];
}

export interface CaseIncidentSummary {
  path: string;
  phase: IncidentPhase | null;
  severity: Severity | null;
}

export interface MonthlyReportFile {
  kind: 'pdf' | 'xlsx';
  name: string;
  /** The file's bytes, base64: the page saves them itself (no path on the engine's machine). */
  base64: string;
  sha256: string;
}

/** The incident calls of the RPC (referenced from protocol.ts's Handlers map). */
export interface IncidentHandlers {
  /** The open case's incident, with the proposal from the last detection run (or a fresh read-only one). */
  'incident.state': (args: { lang?: IncidentLang }) => IncidentState;
  /** Each change is a custody entry; phase and severity need a reason. */
  'incident.setPhase': (args: { phase: IncidentPhase; reason: string; lang?: IncidentLang }) => IncidentState;
  'incident.setSeverity': (args: { level: Severity; reason: string; lang?: IncidentLang }) => IncidentState;
  'incident.setTask': (args: { taskId: string; done: boolean; lang?: IncidentLang }) => IncidentState;
  'incident.setAsset': (args: { host?: string | null; src_ip?: string | null; user?: string | null; status: AssetStatus; reason?: string; lang?: IncidentLang }) => IncidentState;
  'incident.confirmIndicator': (args: { type: IndicatorKind; value: string; comment?: string; lang?: IncidentLang }) => IncidentState;
  'incident.withdrawIndicator': (args: { type: IndicatorKind; value: string; comment?: string; lang?: IncidentLang }) => IncidentState;
  /** Phase and severity of every case in the workspace (the case list's columns). */
  'incident.cases': (args: Record<string, never>) => CaseIncidentSummary[];
  /** The monthly report over the workspace's cases, with the PDF and XLSX when asked. */
  'incident.monthly': (args: { month: string; lang: IncidentLang; files?: ('pdf' | 'xlsx')[] }) => { report: MonthlyReport; files: MonthlyReportFile[] };
  /** Retro-hunt over the workspace's cases: indicators as text (one per line, defanged or not). */
  'incident.hunt': (args: { indicators: string }) => { hits: HuntHit[]; cases: string[]; unreadable: { case: string; reason: string }[] };
}
