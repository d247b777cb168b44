// A file that cannot be ingested, with the reason in words an examiner can act on. The CLI
// prints it as one line naming the file; the UI shows it on the file's row.
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}

/**
 * Text no format recognizes: the generic importer (formats/generic/) can read it with a
 * column mapping, so callers offer one instead of only refusing the file.
 */
export class UnrecognizedFormatError extends UnreadableInputError {}
