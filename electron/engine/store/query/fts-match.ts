// A bare word or phrase -> an FTS4 MATCH expression, or null when the index cannot answer it
// the way a scan would. The index uses FTS4's "simple" tokenizer: runs of ASCII letters and
// digits (lower-cased) and of non-ASCII characters are tokens, everything else separates.
// Japanese text has no spaces, so a whole sentence is one token and a word inside it cannot
// be found by the index: text with non-ASCII characters is always scanned (LIKE).
import type { Part } from './tokenizer';

const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

export function ftsMatchText(parts: Part[]): string | null {
  // Wildcards: only a trailing * (a prefix) is something the index can do.
  const last = parts[parts.length - 1];
  const trailingStar = last !== undefined && 'wild' in last && last.wild === '*';
  const body = trailingStar ? parts.slice(0, -1) : parts;
  if (body.some((p) => 'wild' in p)) return null;
  const text = body.map((p) => ('lit' in p ? p.lit : '')).join('');
  if (!ASCII_PRINTABLE.test(text)) return null;
  const tokens = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (tokens.length === 0) return null;
  // Every token a word start, so `rundll` finds rundll32.exe as a scan would; the phrase keeps
  // the order of `WS-TKY-014` (tokens ws, tky, 014).
  return `"${tokens.map((t) => `${t}*`).join(' ')}"`;
}
