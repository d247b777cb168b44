// Necessary conditions in SQL for tests that run in JavaScript (regular expressions, CIDR),
// so SQLite can rule most events out before calling back into JavaScript. Each function
// returns a GLOB/LIKE pattern that every matching value also matches (a superset), or null.

const GLOB_SPECIAL = /[*?[\]]/;

function globChar(c: string, fold: boolean): string {
  if (fold && c.toLowerCase() !== c.toUpperCase()) return `[${c.toLowerCase()}${c.toUpperCase()}]`;
  return GLOB_SPECIAL.test(c) ? `[${c}]` : c;
}

/** A simple character class ([a-z0-9], [A-Fa-f]) as a GLOB class; null for anything else. */
function globClass(body: string, fold: boolean): string | null {
  if (body.startsWith('^') || !/^(?:[A-Za-z0-9](?:-[A-Za-z0-9])?)+$/.test(body)) return null;
  if (!fold) return `[${body}]`;
  const parts = body.match(/[A-Za-z0-9](?:-[A-Za-z0-9])?/g)!;
  const out = new Set<string>();
  for (const p of parts) {
    out.add(p);
    if (/[a-z]/i.test(p)) {
      out.add(p.toLowerCase());
      out.add(p.toUpperCase());
    }
  }
  return `[${[...out].join('')}]`;
}

/**
 * A GLOB superset of a JavaScript regular expression: the literal start of the pattern (from
 * `^`, or anywhere), understood token by token until the first construct it does not model
 * (a group, an alternation, a lookaround...), then `*`. Null when nothing useful is known.
 */
export function regexGlob(source: string, flags: string): string | null {
  // A top-level alternation makes the prefix meaningless.
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = source.indexOf(']', i + 2);
      if (end === -1) return null;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
  }
  const fold = flags.includes('i');
  let i = 0;
  let out = '';
  if (source.startsWith('^') && !flags.includes('m')) i = 1;
  else out = '*';
  let known = 0;
  while (i < source.length) {
    const c = source[i]!;
    let token: string | null = null;
    let end = i + 1; // just after the token
    if (c === '\\') {
      const e = source[i + 1];
      if (e === undefined) return null;
      end = i + 2;
      if (e === 'd') token = '[0-9]';
      else if (/[.\\/:\-_@#%&=~,;'"!<>]/.test(e)) token = globChar(e, fold);
      else if (e === 'w' || e === 's' || e === 'S' || e === 'W' || e === 'D') token = '?';
    } else if (c === '[') {
      const close = source.indexOf(']', i + 2);
      token = globClass(source.slice(i + 1, close), fold) ?? '?';
      end = close + 1;
    } else if (c === '.') {
      token = '?';
    } else if (!'()|^$*+?{}'.includes(c)) {
      token = globChar(c, fold);
    }
    if (token === null) break;
    // The quantifier: none -> the token; at least once -> the token then anything; maybe
    // never -> anything; exactly n -> n tokens.
    let next = end;
    let piece = token;
    const q = source[end];
    if (q === '*' || q === '?') {
      piece = '*';
      next++;
    } else if (q === '+') {
      piece = `${token}*`;
      next++;
    } else if (q === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(end));
      if (!m) break;
      const min = Number(m[1]);
      piece = min === 0 ? '*' : m[2] === undefined ? token.repeat(Math.min(min, 16)) : `${token.repeat(Math.min(min, 16))}*`;
      next += m[0].length;
    }
    if (next > end && source[next] === '?') next++; // lazy: the same strings
    out += piece;
    if (piece !== '*' && token !== '?') known++;
    i = next;
  }
  if (known === 0) return null;
  return out.endsWith('*') ? out : `${out}*`;
}

/**
 * A LIKE prefix every address of an IPv4 network starts with ('10.%' for 10.0.0.0/8,
 * '172.%' for 172.16.0.0/12), or '%:%' for IPv6; null when none helps (/0 ... /7).
 */
export function cidrLike(network: string): string | null {
  if (network.includes(':')) return '%:%';
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(network.trim());
  if (!m) return null;
  const prefix = Number(m[5]);
  const whole = Math.min(4, Math.floor(prefix / 8));
  if (whole === 0) return null;
  const octets = [m[1], m[2], m[3], m[4]].map((o) => String(Number(o)));
  return whole === 4 ? octets.join('.') : `${octets.slice(0, whole).join('.')}.%`;
}
