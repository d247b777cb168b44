// Query text -> tokens, each with its offset so errors and chips can point into the text.
//
// Escaping: a backslash makes the next character literal only when that character means
// something here (space, ( ) [ ] { } " : * ? \ and a leading -). Any other backslash is kept
// as written, so Windows paths (`C:\Windows\System32`) are typed as they are.
import { QueryError } from './errors';

/** A piece of a word: literal text, or a wildcard (`*` any run, `?` one character). */
export type Part = { lit: string } | { wild: '*' | '?' };

export type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; start: number; end: number }
  | { type: 'open'; inclusive: boolean; start: number; end: number }
  | { type: 'close'; inclusive: boolean; start: number; end: number }
  | { type: 'field'; name: string; start: number; end: number }
  | { type: 'cmp'; op: '>' | '>=' | '<' | '<='; start: number; end: number }
  | { type: 'word'; parts: Part[]; start: number; end: number }
  | { type: 'phrase'; text: string; start: number; end: number };

const SPECIAL = new Set([' ', '\t', '\n', '\r', '(', ')', '[', ']', '{', '}', '"', ':', '*', '?', '\\', '-']);
const BREAK = new Set([' ', '\t', '\n', '\r', '(', ')', '"', '[', ']', '{', '}']);
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';
}

/**
 * @param isField tells a field name from text that merely contains a colon (`C:\x`, `http://`).
 */
export function tokenize(input: string, isField: (name: string) => boolean): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // After `field:` a `[`/`{` opens a range and `>`/`<` a comparison; elsewhere they are text.
  let afterField = false;
  let rangeDepth = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (isSpace(c)) {
      i++;
      afterField = false;
      continue;
    }
    const start = i;
    if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', start, end: ++i });
      afterField = false;
      continue;
    }
    if ((c === '[' || c === '{') && (afterField || rangeDepth > 0)) {
      tokens.push({ type: 'open', inclusive: c === '[', start, end: ++i });
      rangeDepth++;
      afterField = false;
      continue;
    }
    if ((c === ']' || c === '}') && rangeDepth > 0) {
      tokens.push({ type: 'close', inclusive: c === ']', start, end: ++i });
      rangeDepth--;
      continue;
    }
    if (c === '"') {
      tokens.push(readPhrase(input, i));
      i = tokens[tokens.length - 1]!.end;
      afterField = false;
      continue;
    }
    if (afterField && (c === '>' || c === '<')) {
      const op = input[i + 1] === '=' ? `${c}=` : c;
      tokens.push({ type: 'cmp', op: op as '>' | '>=' | '<' | '<=', start, end: (i += op.length) });
      afterField = false;
      continue;
    }
    if (c === '-' && !afterField && rangeDepth === 0 && i + 1 < input.length && !isSpace(input[i + 1]!) && input[i + 1] !== '-') {
      tokens.push({ type: 'minus', start, end: ++i });
      continue;
    }
    const word = readWord(input, i, rangeDepth > 0);
    i = word.end;
    // `name:` where name is a known field starts a field term; the value follows.
    if (word.colonAt !== null && rangeDepth === 0) {
      const name = input.slice(start, word.colonAt);
      if (FIELD_NAME.test(name) && isField(name)) {
        tokens.push({ type: 'field', name: name.toLowerCase(), start, end: word.colonAt + 1 });
        i = word.colonAt + 1;
        afterField = true;
        if (i >= input.length || isSpace(input[i]!)) throw new QueryError(`"${name}:" needs a value`, start, 'needsValue', { field: name });
        continue;
      }
      if (FIELD_NAME.test(name) && name.length > 1 && !/^[/\\]/.test(input.slice(word.colonAt + 1))) {
        throw new QueryError(`unknown field "${name}" (write ${name}\\: to search for the text)`, start, 'unknownField', { field: name });
      }
    }
    afterField = false;
    const keyword = word.plain;
    if (keyword === 'AND' || keyword === '&&') tokens.push({ type: 'and', start, end: i });
    else if (keyword === 'OR' || keyword === '||') tokens.push({ type: 'or', start, end: i });
    else if (keyword === 'NOT') tokens.push({ type: 'not', start, end: i });
    else tokens.push({ type: 'word', parts: word.parts, start, end: i });
  }
  return tokens;
}

function readPhrase(input: string, start: number): Token {
  let i = start + 1;
  let text = '';
  while (i < input.length) {
    const c = input[i]!;
    if (c === '\\' && (input[i + 1] === '"' || input[i + 1] === '\\')) {
      text += input[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { type: 'phrase', text, start, end: i + 1 };
    text += c;
    i++;
  }
  throw new QueryError('unclosed quotation mark', start, 'unclosedQuote');
}

interface RawWord {
  parts: Part[];
  /** The word as typed when it has no escapes or wildcards (for keywords). */
  plain: string | null;
  /** Offset of the first unescaped colon, or null. */
  colonAt: number | null;
  end: number;
}

function readWord(input: string, start: number, inRange: boolean): RawWord {
  const parts: Part[] = [];
  let lit = '';
  let plain = true;
  let colonAt: number | null = null;
  let i = start;
  const flush = (): void => {
    if (lit) parts.push({ lit });
    lit = '';
  };
  while (i < input.length) {
    const c = input[i]!;
    // Brackets are ordinary text outside a range (`a[1]`); inside one they end a bound.
    if (isSpace(c) || c === '"' || c === '(' || c === ')' || (inRange && BREAK.has(c))) break;
    if (c === '\\' && i + 1 < input.length && SPECIAL.has(input[i + 1]!)) {
      lit += input[i + 1];
      plain = false;
      i += 2;
      continue;
    }
    if (c === '*' || c === '?') {
      flush();
      parts.push({ wild: c });
      plain = false;
      i++;
      continue;
    }
    if (c === ':' && colonAt === null) colonAt = i;
    lit += c;
    i++;
  }
  flush();
  return { parts, plain: plain ? input.slice(start, i) : null, colonAt, end: i };
}
