// Reading the checksum lists a package carries: SHA256SUMS (GNU coreutils format) and the
// BagIt manifests (RFC 8493 §2.1.3). Both map a relative path to a SHA-256; a line that is
// neither is reported, never skipped silently.
import { decodeBagPath } from './bagit';

export interface ChecksumList {
  entries: Map<string, string>;
  /** Lines that could not be read, with their line numbers. */
  bad: string[];
}

/**
 * `sha256sum` output: "<hex>  <path>" (text mode) or "<hex> *<path>" (binary mode). A line
 * starting with "\" has "\\" and "\n" escapes in the path (coreutils does this for names
 * holding a backslash or a newline).
 */
export function parseSha256Sums(text: string): ChecksumList {
  const out: ChecksumList = { entries: new Map(), bad: [] };
  for (const [i, raw] of text.split('\n').entries()) {
    if (raw === '') continue;
    const escaped = raw.startsWith('\\');
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(escaped ? raw.slice(1) : raw);
    if (!m) {
      out.bad.push(`line ${i + 1}`);
      continue;
    }
    const file = escaped ? m[2]!.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')) : m[2]!;
    out.entries.set(file, m[1]!.toLowerCase());
  }
  return out;
}

/** A BagIt manifest: "<checksum><whitespace><percent-encoded path>". */
export function parseBagManifest(text: string): ChecksumList {
  const out: ChecksumList = { entries: new Map(), bad: [] };
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw === '') continue;
    const m = /^([0-9a-fA-F]{64})[ \t]+(.+)$/.exec(raw);
    if (!m) {
      out.bad.push(`line ${i + 1}`);
      continue;
    }
    out.entries.set(decodeBagPath(m[2]!), m[1]!.toLowerCase());
  }
  return out;
}

/** bag-info.txt / bagit.txt: "Label: value" with folded continuation lines; labels may repeat. */
export function parseTagFile(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let last: { label: string; index: number } | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      const values = out.get(last.label)!;
      values[last.index] = `${values[last.index]}\n${line.trim()}`;
      continue;
    }
    const m = /^([^:]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const label = m[1]!.trim();
    const values = out.get(label) ?? [];
    values.push(m[2]!.trim());
    out.set(label, values);
    last = { label, index: values.length - 1 };
  }
  return out;
}
