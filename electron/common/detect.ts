// Detection results as every side sees them: the `detect --json` contract (ARCHITECTURE.md,
// contract 1) plus the reasoning the story view and the reports show. Types only.

import type { CodedText } from './coded-text';

export type Severity = 'informational' | 'low' | 'medium' | 'high' | 'critical';

/**
 * Where a finding sits in an Emotet-style chain. Derived from a rule's ATT&CK tactic tags
 * (attack.initial_access -> lure, attack.execution -> execution, attack.persistence ->
 * persistence, attack.command_and_control -> c2 or download, attack.lateral_movement ->
 * lateral, ...) or stated by a curated rule's `tracelight.stage` field.
 */
export type Stage =
  | 'lure'
  | 'execution'
  | 'download'
  | 'persistence'
  | 'c2'
  | 'lateral'
  | 'spam'
  | 'discovery'
  | 'other';

/** One rule (or beacon/IOC analysis) hit, grouped per rule and host. */
export interface Finding {
  /** Stable across runs on the same case: `${rule}:${host}:${first event id}`. */
  id: string;
  /** Rule id (Sigma `id`, or a built-in analysis name such as "beacon" or "ioc"). */
  rule: string;
  title: string;
  /** The title as a code, when the engine wrote it (absent for a Sigma rule: its title is the rule's). */
  title_code?: CodedText;
  severity: Severity;
  /** ATT&CK technique ids, e.g. ["T1059.001"]. */
  attack: string[];
  stage: Stage;
  host: string | null;
  /** The source address, for an actor no source names a host for (proxy, firewall, web server logs). */
  src_ip?: string | null;
  user: string | null;
  /** Time of the first event, ISO-8601 UTC with milliseconds. */
  time: string;
  event_ids: number[];
  /** Why it fired, in words an investigator reads (matched field values, decoded payloads). */
  reasons: string[];
  /** `reasons` as codes, one for one (a UI in another language renders these). */
  reason_codes?: CodedText[];
  /** Set when an examiner confirmed or dismissed it (custody-recorded). */
  review?: FindingReview;
}

export interface FindingReview {
  verdict: 'confirmed' | 'dismissed';
  examiner: string;
  time: string;
  comment: string | null;
}

export interface IocHit {
  indicator: string;
  /** ip | cidr | domain | url | sha256 | sha1 | md5 */
  type: string;
  /** Which indicator file it came from. */
  source: string;
  host: string | null;
  user: string | null;
  src_ip: string | null;
  time: string;
  event_id: number;
  /** The event field that matched (dst_ip, domain, url, process_hash, ...). */
  field?: string;
  /** The feed's words about the indicator ("C2 server", a malware family). */
  context?: string | null;
}

export interface BeaconCandidate {
  host: string | null;
  src_ip: string | null;
  /** IP, domain or URL host that was contacted. */
  destination: string;
  /** The address most often seen for the destination (itself when it is an IP); null if no source gave one. */
  dst_ip?: string | null;
  dst_port: number | null;
  count: number;
  first: string;
  last: string;
  /** Median interval between contacts, seconds. */
  interval_s: number;
  /** 0..1, higher = more regular. */
  score: number;
  reasons: string[];
  reason_codes?: CodedText[];
  event_ids: number[];
}

/** One step of an infected host's chain (lure -> execution -> download -> persistence -> C2 -> ...). */
export interface StoryStep {
  stage: Stage;
  time: string;
  host: string | null;
  user: string | null;
  summary: string;
  summary_code?: CodedText;
  finding_ids: string[];
  event_ids: number[];
}

/** A host name the story inferred from an address (EDR or DHCP-like evidence mapped it at ingest). */
export interface ActorResolution {
  /** The address the actor's own evidence named. */
  ip: string;
  /** The host that address was resolved to. */
  host: string;
  /** The evidence files (name and format) that tie the address to the host. */
  evidence: string[];
  /** When that evidence first and last shows the host with the address. */
  first_seen: string | null;
  last_seen: string | null;
}

export interface InfectedHost {
  /** Host name, or the source address when no source names the machine (then src_ip says so). */
  host: string;
  /** Set when the actor is a source address: the address, and the host name it resolved to, if any. */
  src_ip?: string | null;
  /** Set when host was resolved from src_ip rather than written by a source. */
  resolved?: ActorResolution;
  user: string | null;
  first_malicious: string;
  /** Why the host counts as infected (malicious execution, C2 beaconing). */
  reasons: string[];
  reason_codes?: CodedText[];
  steps: StoryStep[];
}

export interface Incident {
  /** time: first malicious execution; lure_time: when the lure was opened (or saved), if known. */
  patient_zero: {
    host: string;
    /** Set when patient zero is known only by its address. */
    src_ip?: string | null;
    /** Set when host was resolved from src_ip rather than written by a source. */
    resolved?: ActorResolution;
    user: string | null;
    time: string;
    lure: string | null;
    lure_time?: string | null;
    event_ids: number[];
    /** Why this host was chosen (the chain evidence that ties it, and when). */
    reason?: string;
    reason_code?: CodedText;
  } | null;
  /** Infected host names: malicious execution or C2 beaconing, not hosts that only received/opened a lure. */
  hosts: string[];
  payload_urls: string[];
  /** URLs the lure documents were fetched from, and indicator URLs that name a lure or a sign-in page. */
  phishing_urls?: string[];
  /** Indicator URLs hit that are neither (a web page the feed lists without saying what it is). */
  indicator_urls?: string[];
  c2: { ip: string; port: number | null; domain?: string | null; reasons?: string[]; reason_codes?: CodedText[]; event_ids?: number[] }[];
  ioc_hits: IocHit[];
  infected: InfectedHost[];
  lateral_movement: { from: string; to: string; time: string; event_ids: number[] }[];
  spam: { host: string; count: number; first: string; event_ids: number[] }[];
  /** Web-attack triage of web server, WAF and proxy logs (./web in the engine). */
  web?: WebIncident;
  /** Everyone who accessed a phishing or payload URL: host/user/url/time. */
  clicked: { host: string | null; user: string | null; src_ip: string | null; url: string; time: string; event_id: number }[];
}

/** A web technique: scanner, sqli, traversal, cmdi, xss, upload, webshell, bruteforce. */
export type WebTechnique = 'scanner' | 'sqli' | 'traversal' | 'cmdi' | 'xss' | 'upload' | 'webshell';

export interface WebAttacker {
  ip: string;
  first: string;
  last: string;
  /** Every request the client sent (attack or not). */
  requests: number;
  techniques: WebTechnique[];
  /** How many of its attack requests look successful. */
  successes: number;
  /** Scanner or tool names seen in its user agent (sqlmap, Nikto...). */
  tools?: string[];
}

export interface WebSuccess {
  time: string;
  ip: string;
  technique: WebTechnique;
  /** The request target as the log wrote it. */
  url: string;
  status: number | null;
  bytes: number | null;
  event_id: number;
  /** Why it counts as a success (status, size against the URL's usual sizes, what followed). */
  reason?: string;
  reason_code?: CodedText;
}

export interface WebShell {
  /** The script's path as requested (without the query). */
  path: string;
  first_seen: string;
  ips: string[];
  /** Commands sent to it, URL-decoded, in time order. */
  commands: string[];
  event_ids?: number[];
}

export interface WebIncident {
  attackers: WebAttacker[];
  /** First successes in time order. */
  successes: WebSuccess[];
  webshells: WebShell[];
}

export interface RuleProblem {
  /** File the rule came from. */
  file: string;
  rule: string | null;
  /** What is unsupported or wrong; such a rule is reported, never silently skipped. */
  message: string;
  /** `message` as a code (common/coded-text.ts), where the engine wrote it (indicator files, limits). */
  message_code?: CodedText;
}

export interface DetectResult {
  findings: Finding[];
  incident: Incident;
  beacons: BeaconCandidate[];
  rules: { loaded: number; problems: RuleProblem[] };
  /** Seconds the analysis took, for the report's methodology appendix. */
  elapsed_s: number;
}
