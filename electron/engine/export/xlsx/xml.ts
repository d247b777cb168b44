// Text made safe for SpreadsheetML: characters XML 1.0 forbids replaced, markup escaped.

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). They
// become U+FFFD so the reader sees that something was there.
// eslint-disable-next-line no-control-regex
const ILLEGAL_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function legalXml(s: string): string {
  return s.replace(ILLEGAL_XML, '\ufffd');
}

// CR is written as &#13; because XML parsers turn a literal CR into LF, which would change the
// evidence's text.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;', '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

/** Text for element content (its characters already legal). */
export function xmlText(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
}

/** Any text for an attribute value or element content: cleaned and escaped (tab/LF kept as references). */
export function xmlAttr(s: string): string {
  return legalXml(s).replace(/[&<>\r"\n\t]/g, (c) => ESCAPES[c]!);
}
