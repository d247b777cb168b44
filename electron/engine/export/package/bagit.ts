// BagIt (RFC 8493) tag files. A bag is a directory with bagit.txt, a payload under data/,
// payload manifests (manifest-<alg>.txt: "<checksum> <path>" for every payload file),
// bag-info.txt (labelled metadata) and optional tag manifests covering the tag files.
import type { WrittenEntry } from './zip-writer';

/** §2.1.1: exactly these two lines, UTF-8. */
export function bagitTxt(): string {
  return 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
}

/**
 * §2.1.3 manifest lines: checksum, whitespace, path relative to the bag. A path containing
 * CR, LF or "%" has those percent-encoded (and only those), so every line stays one line.
 */
export function manifestLines(entries: readonly WrittenEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${encodeBagPath(e.path)}\n`).join('');
}

function encodeBagPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
}

export function decodeBagPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

export interface BagInfo {
  organization: string;
  examiners: string[];
  description: string;
  caseNumber: string;
  baggingDate: Date;
  payload: readonly WrittenEntry[];
  software: string;
}

/** §2.2.2 bag-info.txt: "Label: value" lines; a value's line breaks become folded lines. */
export function bagInfoTxt(info: BagInfo): string {
  const lines: [string, string][] = [];
  if (info.organization) lines.push(['Source-Organization', info.organization]);
  for (const name of info.examiners) lines.push(['Contact-Name', name]);
  lines.push(['External-Description', info.description]);
  if (info.caseNumber) lines.push(['External-Identifier', info.caseNumber]);
  lines.push(['Bagging-Date', info.baggingDate.toISOString().slice(0, 10)]);
  lines.push(['Payload-Oxum', payloadOxum(info.payload)]);
  lines.push(['Bag-Software-Agent', info.software]);
  return lines.map(([label, value]) => `${label}: ${fold(value)}\n`).join('');
}

/** "<octets>.<files>" of the payload, so a receiver can tell a truncated bag at a glance. */
function payloadOxum(payload: readonly WrittenEntry[]): string {
  return `${payload.reduce((n, e) => n + e.bytes, 0)}.${payload.length}`;
}

function fold(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n  ');
}
