// The case assistant's shapes, shared by the engine, the CLI and the renderer. Pure types.

export type AssistLang = 'ja' | 'en';
export type AskValue = string | number | null;

/** Which engine turned the question into SQL: the deterministic parser, or a named local model. */
export type AskEngine = 'rules' | `model:${string}`;

/**
 * The answer in the timeline: a query of the workspace's query bar selecting exactly the
 * events the answer counted (checked on the case), or why it cannot be one.
 */
export interface AskTimeline {
  /** Query-language text (field terms, ranges, AND/OR/NOT), or null when not expressible. */
  query: string | null;
  /** Events the query selects on the case (equal to the events the answer counted). */
  events: number | null;
  /** Why the answer cannot be shown as a query (detection tables, edited SQL, a field the language lacks). */
  reason: string | null;
  /** The reason's kind, for the UI's own words: detection, sql (edited/model), field, differs, check. */
  reason_code: 'detection' | 'sql' | 'field' | 'differs' | 'check' | null;
}

export interface AskAnswer {
  question: string;
  sql: string;
  columns: string[];
  rows: Record<string, AskValue>[];
  /** Every event behind the answer (aggregates: the ids of each group up to a cap). */
  event_ids: number[];
  engine: AskEngine;
  /** The "why" line: how the question was read. */
  explanation: string;
  /** More rows than the row cap matched; rows holds the first ones. */
  truncated: boolean;
  elapsed_ms: number;
  timeline: AskTimeline;
  /** How many events the answer counted (its count, the sum of its groups, its rows), when it says. */
  counted: number | null;
  /** The cited events that are process events: a row of them opens its process tree. */
  process_ids: number[];
  /** Custody entry that recorded the question (null on a read-only case). */
  custody_id: number | null;
}

/** Why a question produced no query; `kind` tells the UI and the CLI what to say. */
export interface AskRefusal {
  kind: 'unparsed' | 'write-request' | 'unsafe-sql' | 'sql-error' | 'timeout' | 'model-error';
  problem: string;
  suggestion: string;
}

export type AskResult = { ok: true; answer: AskAnswer } | { ok: false; refusal: AskRefusal; question: string; sql?: string };

export interface AskHistoryEntry {
  custody_id: number;
  time: string;
  examiner: string;
  question: string;
  sql: string;
  engine: string;
  rows: number;
}

export type TriageSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface TriageSentence {
  text: string;
  event_ids: number[];
  /** Only one source or a single event supports it: shown flagged. */
  uncorroborated: boolean;
}

export interface TriageSummary {
  lang: AssistLang;
  sentences: TriageSentence[];
  unknowns: string[];
  severity: TriageSeverity;
  severity_reasons: string[];
  generated_at: string;
}

export interface AcceptedSummary extends TriageSummary {
  custody_id: number;
  examiner: string;
  accepted_at: string;
}

export interface AssistHandlers {
  /** Turns a question into SQL and runs it read-only (an assist.asked custody entry). */
  'assist.ask': (args: { question: string; lang?: AssistLang }) => AskResult;
  /** Runs SQL the analyst edited, through the same read-only guard (an assist.asked entry). */
  'assist.run': (args: { question: string; sql: string }) => AskResult;
  'assist.history': (args: Record<string, never>) => AskHistoryEntry[];
  /** A narrative of the last detection run (runs detection when none ran). */
  'assist.summary': (args: { lang: AssistLang }) => TriageSummary;
  /** Records the analyst's acceptance (assist.summary.accepted); the PDF then uses it. */
  'assist.acceptSummary': (args: { summary: TriageSummary }) => AcceptedSummary;
  'assist.acceptedSummary': (args: Record<string, never>) => AcceptedSummary | null;
}
