// Protocol types of the investigation workspace (issue 11): pivots from an event, the process
// tree with the traffic attributed to it, the host view, stars / tags / threaded comments, and
// the histogram. Pure types; the engine side is electron/engine/investigate/.
import type { EventFilter } from './protocol';
import type { CodedText } from './coded-text';
import type { EventRow } from './schema';

export type PivotKind = 'host-time' | 'process' | 'destination' | 'hash' | 'user' | 'evidence-lines';

/** One way to widen the view from an event; applying it sets the timeline's filter. */
export interface PivotOption {
  kind: PivotKind;
  /** The field pivoted on (dst_ip, domain, url, file_hash, user, ...). */
  field: string;
  /** What the pivot is about, as the evidence wrote it (host, IP, domain, hash, user...). */
  values: string[];
  /** The filter the timeline shows; its query text can be refined in the query bar. */
  filter: EventFilter;
  /** Events the pivot matches now. */
  count: number;
  /** Distinct hosts among them (cross-host pivots say how far an indicator spread). */
  hosts: number;
}

export interface PivotResult {
  eventId: number;
  minutes: number;
  options: PivotOption[];
}

/** A line of the evidence file near an event: an event, a rejected record, or the event itself. */
export interface NeighbourLine {
  line: number;
  eventId: number | null;
  text: string;
  current: boolean;
  rejected?: string;
  /** `rejected` as a code (common/coded-text.ts) when the engine knows its wording. */
  rejected_code?: CodedText;
}

export interface NeighbourResult {
  eventId: number;
  file: string;
  lines: NeighbourLine[];
  /** Why some or all records could not be read back, when the evidence is gone. */
  problem?: string;
  /** The same problem as a code (coded-text.ts). */
  problem_code?: CodedText;
}

/** How a proxy/firewall event was tied to a process. */
export type AttributionMethod =
  /** The process's own EDR connection to the same destination (or proxy) within a few seconds. */
  | 'edr-connection'
  /** Same host (by name or one of its addresses) while the process ran, no EDR connection to match. */
  | 'host-time';

export interface AttributedEvent {
  event: EventRow;
  method: AttributionMethod;
  /** The EDR connection event that matched (edr-connection), else null. */
  via: number | null;
}

export interface ProcessNode {
  /** guid:<GUID>, or pid:<pid>@<start time> on the host. */
  key: string;
  linkedBy: 'guid' | 'pid-time' | 'name-cmdline' | 'none';
  host: string | null;
  name: string | null;
  pid: number | null;
  guid: string | null;
  commandLine: string | null;
  user: string | null;
  /**
   * False for a parent known only from its child's record (its own start was not logged): name,
   * pid and command line are as the child's record gives them, startEventId is the child's.
   */
  logged: boolean;
  /** The process start event, or the first event seen of it. */
  startEventId: number;
  start: string;
  /** Events the process performed (its own network, file, registry, ... events). */
  events: EventRow[];
  /** Proxy and firewall events of its host and time tied to it. */
  attributed: AttributedEvent[];
  children: ProcessNode[];
  /** The focus of the tree (the process of the event it was opened from). */
  focus: boolean;
}

export interface ProcessTreeResult {
  eventId: number;
  /** The outermost ancestor found; the tree hangs from it. Null when the event has no process. */
  root: ProcessNode | null;
  /** Host addresses used to match proxy and firewall events. */
  hostAddresses: string[];
  /** How far the tree reached: ancestors, nodes, and whether limits cut it. */
  ancestors: number;
  nodes: number;
  truncated: boolean;
}

export interface HostAddressSpan {
  ip: string;
  first: string;
  last: string;
  events: number;
}

export interface CountedValue {
  value: string;
  count: number;
}

export interface HostFinding {
  rule: string;
  title: string;
  /** The title as a code (common/coded-text.ts), when the engine wrote it. */
  title_code?: CodedText;
  severity: string;
  time: string;
  eventIds: number[];
  /** confirmed / dismissed by an examiner, or null. */
  verdict: string | null;
}

export interface HostView {
  host: string;
  events: number;
  first: string | null;
  last: string | null;
  users: CountedValue[];
  addresses: HostAddressSpan[];
  processes: CountedValue[];
  destinations: CountedValue[];
  categories: CountedValue[];
  findings: HostFinding[];
  /** Whether findings come from a detection run in this session (else only reviewed ones). */
  detectionRun: boolean;
}

export interface CommentNode {
  id: number;
  parentId: number | null;
  text: string;
  examiner: string;
  createdAt: string;
  editedAt: string | null;
  editedBy: string;
  revisions: number;
  replies: CommentNode[];
}

export interface EventAnnotations {
  eventId: number;
  starred: boolean;
  tags: { id: number; label: string; examiner: string; created_at: string }[];
  comments: CommentNode[];
}

export interface BulkTagResult {
  label: string;
  /** Events the selection held. */
  matched: number;
  /** Events newly tagged (the rest already had the label). */
  tagged: number;
  custodyId: number | null;
}

export type HistogramStack = 'category' | 'source';
export type BucketUnit = 'minute' | 'hour' | 'day';

export interface HistogramBucket {
  /** Bucket start, ISO-8601 UTC. */
  start: string;
  total: number;
  /** Count per stack key (category or evidence id as text). */
  counts: Record<string, number>;
  /** More than the burst threshold (median + 3 MAD of non-empty buckets). */
  burst: boolean;
}

export interface EvidenceStrip {
  evidenceId: number;
  name: string;
  /** Bucket indexes that hold at least one event of this evidence. */
  buckets: number[];
}

export interface HistogramResult {
  unit: BucketUnit;
  /** Bucket width in ms (a unit may be multiplied to keep the bar count readable). */
  bucketMs: number;
  from: string | null;
  to: string | null;
  stack: HistogramStack;
  keys: string[];
  /** Labels of source keys (evidence names). */
  keyLabels: Record<string, string>;
  buckets: HistogramBucket[];
  /** Runs of empty buckets between data, as [first index, last index]. */
  gaps: [number, number][];
  strips: EvidenceStrip[];
  total: number;
}

export interface InvestigateHandlers {
  'pivot.options': (args: { eventId: number; minutes?: number }) => PivotResult;
  'pivot.neighbours': (args: { eventId: number; around?: number }) => NeighbourResult;
  'process.tree': (args: { eventId: number }) => ProcessTreeResult;
  'host.view': (args: { host: string }) => HostView;
  'annotations.forEvent': (args: { eventId: number }) => EventAnnotations;
  /** Stars or unstars an event (a tag "starred": tag.added / tag.removed in the custody log). */
  'annotations.star': (args: { eventId: number; starred: boolean }) => EventAnnotations;
  /** A comment on an event, or a reply to one (note.added / note.replied). */
  'annotations.comment': (args: { eventId: number; text: string; parentId?: number }) => EventAnnotations;
  /** Tags every event of the filter (the current query) or of the given ids (tag.bulkAdded). */
  'annotations.bulkTag': (args: { label: string; filter?: EventFilter; eventIds?: number[] }) => BulkTagResult;
  'histogram.get': (args: { filter?: EventFilter; stack: HistogramStack }) => HistogramResult;
}
