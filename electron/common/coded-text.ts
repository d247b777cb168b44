// Texts the engine writes for people (why a host is patient zero, a finding's title and reasons,
// an ingest failure), as a stable code with parameters next to the English wording. The
// English stays where it always was (CLI JSON, reports); a UI in another language renders the
// code from its own dictionary and falls back to the English when it does not know the code.
// Types only.

/** A parameter: a value from the evidence (always shown as text, never markup), a number, or a nested text. */
export type CodedParam = string | number | CodedText;

export interface CodedText {
  /** Stable id, `<area>.<what>` (e.g. `pz.tied`); never reused for a different meaning. */
  code: string;
  params?: Record<string, CodedParam>;
}
