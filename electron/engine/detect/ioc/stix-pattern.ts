// The comparisons of a STIX 2.x indicator pattern that name something we can match:
//   [ipv4-addr:value = '198.51.100.7' OR domain-name:value = 'evil.example']
//   [file:hashes.'SHA-256' = '...'] [file:hashes.MD5 = '...'] [url:value = 'http://...']
//   [ipv4-addr:value ISSUBSET '203.0.113.0/24'] [domain-name:value IN ('a.example', 'b.example')]
//   [network-traffic:dst_ref.value = '198.51.100.7' AND network-traffic:dst_port = 8080]
// OR'ed comparisons become one indicator each. A comparison AND'ed with conditions we cannot
// evaluate (a file name, a time window) is taken on its own, which matches more, never less;
// negations, LIKE and MATCHES are reported, not guessed.

export interface PatternComparison {
  path: string;
  operator: string;
  values: string[];
  negated: boolean;
}

/** Reads a quoted STIX string starting at i (a quote); returns the value and the index after it. */
function readString(s: string, i: number): { value: string; end: number } | null {
  let value = '';
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j]!;
    if (c === '\\' && j + 1 < s.length) {
      value += s[++j];
    } else if (c === "'") {
      return { value, end: j + 1 };
    } else {
      value += c;
    }
  }
  return null;
}

const COMPARISON = /^\s*(NOT\s+)?([a-z0-9_-]+:[A-Za-z0-9_.'\-[\]*]+?)\s*(!=|<=|>=|=|<|>|NOT\s+IN|IN|LIKE|MATCHES|ISSUBSET|ISSUPERSET)\s*/i;

/** Every comparison in the pattern, in order; throws on a pattern it cannot read. */
export function patternComparisons(pattern: string): PatternComparison[] {
  const out: PatternComparison[] = [];
  let i = 0;
  while (i < pattern.length) {
    const rest = pattern.slice(i);
    const m = COMPARISON.exec(rest);
    if (!m) {
      i++;
      continue;
    }
    i += m[0].length;
    const operator = m[3]!.toUpperCase().replace(/\s+/g, ' ');
    const values: string[] = [];
    const skipWs = () => {
      while (i < pattern.length && /\s/.test(pattern[i]!)) i++;
    };
    skipWs();
    if (pattern[i] === '(') {
      i++;
      for (;;) {
        skipWs();
        if (pattern[i] === "'") {
          const r = readString(pattern, i);
          if (!r) throw new Error('unterminated string in the pattern');
          values.push(r.value);
          i = r.end;
        } else {
          const num = /^-?\d+(\.\d+)?/.exec(pattern.slice(i));
          if (!num) break;
          values.push(num[0]);
          i += num[0].length;
        }
        skipWs();
        if (pattern[i] === ',') i++;
        else break;
      }
      if (pattern[i] === ')') i++;
    } else if (pattern[i] === "'") {
      const r = readString(pattern, i);
      if (!r) throw new Error('unterminated string in the pattern');
      values.push(r.value);
      i = r.end;
    } else {
      const lit = /^(?:-?\d+(?:\.\d+)?|true|false|[bh]'[^']*'|t'[^']*')/i.exec(pattern.slice(i));
      if (lit) {
        values.push(lit[0]);
        i += lit[0].length;
      }
    }
    out.push({ path: m[2]!, operator, values, negated: Boolean(m[1]) || operator === '!=' || operator === 'NOT IN' });
  }
  return out;
}
