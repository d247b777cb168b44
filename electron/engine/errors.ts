// A file that cannot be ingested, with the reason in words an examiner can act on. The CLI
// prints it as one line naming the file; the UI shows it on the file's row (in its language,
// from `coded` when the thrower gave one: common/coded-text.ts).
import type { CodedText } from '../common/coded-text';

export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
  readonly coded: CodedText | undefined;

  constructor(message: string, coded?: CodedText) {
    super(message);
    this.coded = coded;
  }
}

/**
 * Text no format recognizes: the generic importer (formats/generic/) can read it with a
 * column mapping, so callers offer one instead of only refusing the file.
 */
export class UnrecognizedFormatError extends UnreadableInputError {}

/**
 * The examiner cancelled the ingest (the UI's Cancel, Ctrl+C in the CLI). The file's rows are
 * rolled back; custody records the cancellation and leaves a removable "incomplete" row.
 */
export class IngestCancelledError extends UnreadableInputError {
  override name = 'IngestCancelledError';
  constructor() {
    super('cancelled by the examiner; nothing of this file was kept (remove its incomplete row, or add the file again)', { code: 'ingest.cancelled' });
  }
}
