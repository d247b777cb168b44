// An error an examiner meets (no case open, a case another examiner holds, a path the browser
// may not name), with its text as a code (common/coded-text.ts) beside the English message.
// The message stays what the CLI prints; the RPC envelope carries `coded` (rpc/error-envelope.ts)
// so a UI in another language shows its own wording. Errors of other classes may carry the same
// `coded` property (UnreadableInputError does); codeOf reads either.
import type { CodedText } from '../common/coded-text';

export class CodedError extends Error {
  readonly coded: CodedText;

  constructor(message: string, coded: CodedText, name = 'Error') {
    super(message);
    this.name = name;
    this.coded = coded;
  }
}

function isCoded(value: unknown): value is CodedText {
  return typeof value === 'object' && value !== null && typeof (value as CodedText).code === 'string';
}

/** The code a thrower put on `err` (its `coded` property), if any. */
export function codeOf(err: unknown): CodedText | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const coded = (err as { coded?: unknown }).coded;
  return isCoded(coded) ? coded : undefined;
}
