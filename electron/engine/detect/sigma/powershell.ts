// PowerShell's -EncodedCommand: base64 of the script in UTF-16LE. Investigators need the
// decoded text in the finding (the URL, the file it drops), not the base64.

// PowerShell accepts any unambiguous prefix of -EncodedCommand (-e, -en, -enc, -ec, ...),
// with '-', '/' or a Unicode dash, and the value after spaces or a colon.
const ENCODED_RE =
  /(?:^|[\s"'])[-/\u2013\u2014\u2015](?:ec|e(?:n(?:c(?:o(?:d(?:e(?:d(?:c(?:o(?:m(?:m(?:a(?:n(?:d)?)?)?)?)?)?)?)?)?)?)?)?)?)(?:\s+|:)["']?([A-Za-z0-9+/]{8,}={0,2})/gi;

/** Bound on the decoded text kept in a reason. */
const MAX_DECODED_CHARS = 2000;

/** Decodes base64 UTF-16LE text; null when it does not look like a script. */
function decodeUtf16Base64(b64: string): string | null {
  if (b64.length % 4 === 1) return null;
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length < 2) return null;
  const text = bytes.subarray(0, bytes.length - (bytes.length % 2)).toString('utf16le');
  // A script is text: refuse control characters other than tab and line ends, and lone
  // surrogates (what random bytes decode to).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) return null;
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) return null;
  return text;
}

/** The decoded scripts of every -EncodedCommand in a command line. */
export function decodeEncodedCommands(commandLine: string): string[] {
  const out: string[] = [];
  for (const m of commandLine.matchAll(ENCODED_RE)) {
    const text = decodeUtf16Base64(m[1]!);
    if (text !== null) out.push(text.length > MAX_DECODED_CHARS ? `${text.slice(0, MAX_DECODED_CHARS)}…` : text);
  }
  return out;
}
