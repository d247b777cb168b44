// Splits a question into tokens without relying on spaces (Japanese has none): at each
// position the longest match among the case's vocabulary, the lexicon and a few literal shapes
// (addresses, hashes, URLs, quoted text, numbers) wins. ASCII words match on word boundaries.
import { LEXICON, LEXICON_LONGEST, type Concept } from './lexicon';
import type { VocabEntry, Vocabulary } from './vocabulary';

export type Token =
  | { kind: 'value'; entries: VocabEntry[]; text: string; start: number; end: number }
  | { kind: 'lex'; concepts: Concept[]; text: string; start: number; end: number }
  | { kind: 'num'; n: number; text: string; start: number; end: number }
  | { kind: 'ip'; ip: string; port: number | null; text: string; start: number; end: number }
  | { kind: 'hash'; hash: string; text: string; start: number; end: number }
  | { kind: 'url'; url: string; text: string; start: number; end: number }
  | { kind: 'quoted'; text: string; start: number; end: number }
  | { kind: 'unknown'; text: string; start: number; end: number };

const WORD = /[a-z0-9_]/;
const LITERALS: [RegExp, (m: RegExpExecArray, s: number) => Token][] = [
  [/^(?:https?|ftp):\/\/[^\s"'「」）)、。]+/i, (m, s) => ({ kind: 'url', url: m[0], text: m[0], start: s, end: s + m[0].length })],
  [
    /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(?![\d.])/,
    (m, s) => ({ kind: 'ip', ip: m[1]!, port: m[2] ? Number(m[2]) : null, text: m[0], start: s, end: s + m[0].length }),
  ],
  [/^(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![0-9a-z])/i, (m, s) => ({ kind: 'hash', hash: m[0], text: m[0], start: s, end: s + m[0].length })],
  [/^"([^"]+)"|^'([^']+)'|^「([^」]+)」|^“([^”]+)”|^『([^』]+)』|^`([^`]+)`/, (m, s) => ({ kind: 'quoted', text: (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6])!, start: s, end: s + m[0].length })],
  [/^\d+/, (m, s) => ({ kind: 'num', n: Number(m[0]), text: m[0], start: s, end: s + m[0].length })],
];

function boundaryOk(q: string, start: number, end: number): boolean {
  const first = q[start]!;
  const last = q[end - 1]!;
  if (WORD.test(first) && start > 0 && WORD.test(q[start - 1]!)) return false;
  if (WORD.test(last) && end < q.length) {
    const next = q[end]!;
    if (WORD.test(next)) return false;
    // "wks-acct-07" must not stop inside "wks-acct-070" or "wks-acct-07x.corp"
    if ((next === '-' || next === '.' || next === '\\' || next === '/') && WORD.test(q[end + 1] ?? '')) return false;
  }
  return true;
}

/**
 * Vocabulary entries naming categories or actions lose a tie to the lexicon ("process" the
 * word), unless typed exactly as the evidence writes them ("GET", not "get me").
 */
const weak = (entries: VocabEntry[], typed: string): boolean =>
  entries.every((e) => (e.field === 'category' || e.field === 'action' || e.field === 'method') && !((e.field === 'action' || e.field === 'method') && e.value === typed));

export function tokenize(question: string, vocab: Vocabulary): Token[] {
  const q = question.toLowerCase();
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/[\s,、。?？!！:;()（）[\]{}]/.test(ch)) {
      i++;
      continue;
    }
    const rest = q.slice(i);
    let literal: Token | null = null;
    for (const [re, make] of LITERALS) {
      const m = re.exec(rest);
      if (m && boundaryOk(q, i, i + m[0].length)) {
        literal = make(m, i);
        // Quoted text and URLs keep the case the analyst typed (matching them is case-blind).
        const typed = question.slice(literal.start, literal.end);
        if (literal.kind === 'quoted') literal = { ...literal, text: typed.slice(1, -1) };
        if (literal.kind === 'url') literal = { ...literal, url: typed, text: typed };
        break;
      }
    }
    let value: Token | null = null;
    for (let len = Math.min(vocab.longestKey, q.length - i); len >= 2; len--) {
      const key = q.slice(i, i + len);
      const entries = vocab.keys.get(key);
      if (entries && boundaryOk(q, i, i + len)) {
        value = { kind: 'value', entries, text: question.slice(i, i + len), start: i, end: i + len };
        break;
      }
    }
    let lex: Token | null = null;
    for (let len = Math.min(LEXICON_LONGEST, q.length - i); len >= 1; len--) {
      const key = q.slice(i, i + len);
      const entries = LEXICON.get(key);
      if (entries && (!entries[0]!.ascii || boundaryOk(q, i, i + len))) {
        lex = { kind: 'lex', concepts: entries.map((e) => e.concept), text: question.slice(i, i + len), start: i, end: i + len };
        break;
      }
    }
    const len = (t: Token | null): number => (t ? t.end - t.start : 0);
    let best: Token | null = null;
    // Addresses, URLs and hashes are read by their shape (an address can then be source or
    // destination); a number loses to a longer word of the case ("7zip", "365").
    if (literal && (literal.kind !== 'num' || len(literal) >= Math.max(len(value), len(lex)))) best = literal;
    else if (value && (len(value) > len(lex) || (len(value) === len(lex) && !weak((value as { entries: VocabEntry[] }).entries, value.text)))) best = value;
    else if (lex) best = lex;
    else if (value) best = value;
    if (best) {
      out.push(best);
      i = best.end;
      continue;
    }
    // Unknown: an ASCII word (kept for messages and identifier checks), else one character.
    const word = /^[a-z0-9_/.][a-z0-9_.\\/@-]*/.exec(rest);
    if (word) {
      const text = question.slice(i, i + word[0].length).replace(/[.-]+$/, '');
      out.push({ kind: 'unknown', text, start: i, end: i + Math.max(1, text.length) });
      i += Math.max(1, text.length);
    } else {
      i++;
    }
  }
  return out;
}
