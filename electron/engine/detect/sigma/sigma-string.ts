// Sigma string values: wildcards and escapes, compiled to the cheapest matcher that is exact.
//
// Sigma (specification, "Escaping"): `*` matches any run of characters, `?` one character,
// and a backslash escapes `*`, `?` and itself; any other backslash is literal (so Windows paths
// such as C:\Windows\System32 need no escaping). Matching is case-insensitive unless the
// `cased` modifier is given. A value becomes an equality, prefix, suffix or substring test
// when its wildcards allow it, and a regular expression only otherwise.

/** One piece of a Sigma string: literal text or a wildcard. */
export type SigmaPiece = { text: string } | { wildcard: '*' | '?' };

/** Splits a Sigma value into literal text and wildcards, applying Sigma's escapes. */
export function parseSigmaString(value: string): SigmaPiece[] {
  const pieces: SigmaPiece[] = [];
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i++;
      } else {
        text += c;
      }
    } else if (c === '*' || c === '?') {
      if (text) pieces.push({ text });
      text = '';
      pieces.push({ wildcard: c });
    } else {
      text += c;
    }
  }
  if (text) pieces.push({ text });
  return pieces;
}

/** True when the value holds an unescaped wildcard. */
export function hasWildcard(pieces: readonly SigmaPiece[]): boolean {
  return pieces.some((p) => 'wildcard' in p);
}

/** The literal text of a value without wildcards. */
export function plainText(pieces: readonly SigmaPiece[]): string {
  return pieces.map((p) => ('text' in p ? p.text : '')).join('');
}

/** A test on one field value; `raw` as the event has it, `lower` its lower-case form. */
export type StringTest = (raw: string, lower: string) => boolean;

/** A compiled string matcher and how to show it in a finding's reasons. */
export interface StringMatcher {
  test: StringTest;
  /** e.g. `endswith '\powershell.exe'`. */
  describe: string;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A matcher for wildcard pieces against the whole field value. `cased` keeps case (base64
 * text, the `cased` modifier); otherwise both sides are compared lower-cased.
 */
export function piecesMatcher(input: readonly SigmaPiece[], cased: boolean, label: string): StringMatcher {
  // Merge adjacent '*' (a '**' is one '*').
  const pieces: SigmaPiece[] = [];
  for (const p of input) {
    const last = pieces[pieces.length - 1];
    if ('wildcard' in p && p.wildcard === '*' && last && 'wildcard' in last && last.wildcard === '*') continue;
    pieces.push(p);
  }
  const norm = (s: string): string => (cased ? s : s.toLowerCase());
  const describe = `${label} '${input.map((p) => ('text' in p ? p.text : p.wildcard)).join('')}'`;
  const star = (p: SigmaPiece | undefined): boolean => p !== undefined && 'wildcard' in p && p.wildcard === '*';
  const inner = pieces.filter((_, i) => !(i === 0 && star(pieces[0])) && !(i === pieces.length - 1 && star(pieces[pieces.length - 1])));
  const lead = star(pieces[0]);
  const trail = pieces.length > 1 && star(pieces[pieces.length - 1]);
  if (pieces.length === 1 && lead) return { test: () => true, describe };
  if (inner.length === 1 && 'text' in inner[0]!) {
    const t = norm(inner[0].text);
    const pick = (raw: string, lower: string): string => (cased ? raw : lower);
    if (lead && trail) return { test: (raw, lower) => pick(raw, lower).includes(t), describe };
    if (lead) return { test: (raw, lower) => pick(raw, lower).endsWith(t), describe };
    if (trail) return { test: (raw, lower) => pick(raw, lower).startsWith(t), describe };
    return { test: (raw, lower) => pick(raw, lower) === t, describe };
  }
  if (inner.length === 0) return { test: (raw) => raw === '', describe };
  let source = '^';
  for (const p of pieces) source += 'text' in p ? escapeRegex(norm(p.text)) : p.wildcard === '*' ? '[\\s\\S]*' : '[\\s\\S]';
  source += '$';
  const re = new RegExp(source, 'u');
  return { test: (raw, lower) => re.test(cased ? raw : lower), describe };
}
