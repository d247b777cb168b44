// Checkers for the containment formats, written from their specifications, independent of the
// writers: a small grammar for FortiOS CLI address/addrgrp blocks, the STIX 2.1 rules for a
// bundle of indicators (required properties, identifier form, timestamps, pattern grammar), and
// the MISP core format's required event and attribute fields. Each returns the problems found.

// ---------- FortiOS CLI ----------
export interface FortiObject {
  table: string;
  name: string;
  sets: Map<string, string[]>;
}

/** Splits one CLI line into words: double-quoted strings with \" and \\ escapes, or bare words. */
export function fortiWords(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i++;
      continue;
    }
    if (line[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated string in: ${line}`);
        const c = line[i]!;
        if (c === '\\') {
          const n = line[i + 1];
          if (n !== '"' && n !== '\\') throw new Error(`bad escape \\${n} in: ${line}`);
          s += n;
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          s += c;
          i++;
        }
      }
      if (i < line.length && line[i] !== ' ') throw new Error(`text after a closing quote in: ${line}`);
      out.push(s);
    } else {
      let s = '';
      while (i < line.length && line[i] !== ' ') s += line[i++];
      if (s.includes('"')) throw new Error(`stray quote in: ${line}`);
      out.push(s);
    }
  }
  return out;
}

/** Parses `config <path> / edit <name> / set <k> <v...> / next / end` blocks; # lines are comments. */
export function parseFortiCli(text: string): FortiObject[] {
  const objects: FortiObject[] = [];
  let table: string | null = null;
  let current: FortiObject | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [cmd, ...args] = fortiWords(line);
    if (cmd === 'config') {
      if (table !== null) throw new Error(`nested config: ${line}`);
      table = args.join(' ');
    } else if (cmd === 'edit') {
      if (table === null || current !== null || args.length !== 1) throw new Error(`edit outside a table or twice: ${line}`);
      current = { table, name: args[0]!, sets: new Map() };
    } else if (cmd === 'set') {
      if (!current || args.length < 2) throw new Error(`set outside edit: ${line}`);
      current.sets.set(args[0]!, args.slice(1));
    } else if (cmd === 'next') {
      if (!current) throw new Error('next without edit');
      objects.push(current);
      current = null;
    } else if (cmd === 'end') {
      if (table === null || current !== null) throw new Error('end without config, or inside edit');
      table = null;
    } else throw new Error(`unknown command: ${line}`);
  }
  if (table !== null || current !== null) throw new Error('unterminated block');
  return objects;
}

// ---------- STIX 2.1 ----------
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([45])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function stixId(v: unknown, type: string): string | null {
  if (typeof v !== 'string') return 'missing id';
  const [t, u] = v.split('--');
  if (t !== type) return `id ${v} is not of type ${type}`;
  return UUID.test(u ?? '') ? null : `id ${v}: not a UUIDv4/v5`;
}

/** STIX patterning (§9): observation expressions of comparisons over object paths. */
export function checkStixPattern(p: string): string | null {
  const re = {
    ws: /^\s+/,
    path: /^([a-z0-9-]+):([a-z0-9_]+|'[^']+')((\.([a-z0-9_]+|'[^']+'))|\[(\d+|\*)\])*/,
    op: /^(NOT\s+)?(=|!=|<=|>=|<|>|IN|LIKE|MATCHES|ISSUBSET|ISSUPERSET)/,
    str: /^'((?:[^'\\]|\\['\\])*)'/,
    num: /^-?\d+(\.\d+)?/,
    bool: /^(true|false)/,
  };
  let s = p;
  const skip = () => (s = s.replace(re.ws, ''));
  const take = (r: RegExp): RegExpExecArray | null => {
    skip();
    const m = r.exec(s);
    if (m) s = s.slice(m[0].length);
    return m;
  };
  const comparison = (): string | null => {
    const path = take(re.path);
    if (!path) return `expected an object path at "${s.slice(0, 30)}"`;
    if (!take(re.op)) return `expected an operator at "${s.slice(0, 30)}"`;
    if (!take(re.str) && !take(re.num) && !take(re.bool)) return `expected a constant at "${s.slice(0, 30)}"`;
    return null;
  };
  const observation = (): string | null => {
    if (!take(/^\[/)) return 'expected [';
    for (;;) {
      const e = comparison();
      if (e) return e;
      if (!take(/^(AND|OR)\b/)) break;
    }
    return take(/^\]/) ? null : `expected ] at "${s.slice(0, 30)}"`;
  };
  for (;;) {
    const e = observation();
    if (e) return e;
    if (!take(/^(AND|OR|FOLLOWEDBY)\b/)) break;
  }
  skip();
  return s === '' ? null : `trailing text "${s}"`;
}

export function checkStixBundle(doc: unknown): string[] {
  const problems: string[] = [];
  const b = doc as Record<string, unknown>;
  if (b.type !== 'bundle') problems.push('type is not "bundle"');
  const idProblem = stixId(b.id, 'bundle');
  if (idProblem) problems.push(idProblem);
  if ('spec_version' in b) problems.push('a 2.1 bundle has no spec_version');
  if (!Array.isArray(b.objects)) return [...problems, 'objects is not a list'];
  const ids = new Set<string>();
  (b.objects as Record<string, unknown>[]).forEach((o, i) => {
    const at = `objects[${i}]`;
    if (o.type !== 'indicator') return;
    for (const k of ['type', 'spec_version', 'id', 'created', 'modified', 'pattern', 'pattern_type', 'valid_from']) {
      if (o[k] === undefined) problems.push(`${at}: required property ${k} missing`);
    }
    if (o.spec_version !== '2.1') problems.push(`${at}: spec_version is not 2.1`);
    const idp = stixId(o.id, 'indicator');
    if (idp) problems.push(`${at}: ${idp}`);
    if (ids.has(String(o.id))) problems.push(`${at}: duplicate id`);
    ids.add(String(o.id));
    for (const k of ['created', 'modified', 'valid_from']) {
      if (typeof o[k] !== 'string' || !TIMESTAMP.test(o[k] as string)) problems.push(`${at}: ${k} is not an RFC 3339 UTC timestamp`);
    }
    if (typeof o.modified === 'string' && typeof o.created === 'string' && o.modified < o.created) problems.push(`${at}: modified before created`);
    if (o.pattern_type !== 'stix') problems.push(`${at}: pattern_type is not stix`);
    const pe = typeof o.pattern === 'string' ? checkStixPattern(o.pattern) : 'pattern is not a string';
    if (pe) problems.push(`${at}: pattern: ${pe}`);
    if (o.indicator_types !== undefined && !Array.isArray(o.indicator_types)) problems.push(`${at}: indicator_types is not a list`);
    // Property names are ASCII lower case, digits and underscores; custom ones 3-250 characters.
    for (const k of Object.keys(o)) {
      if (!/^[a-z0-9_]+$/.test(k) || (k.startsWith('x_') && !/^.{3,250}$/.test(k))) problems.push(`${at}: property name ${k} is not allowed`);
    }
  });
  return problems;
}

// ---------- MISP ----------
const MISP_CATEGORIES = new Set(['Network activity', 'Payload delivery', 'External analysis', 'Artifacts dropped', 'Payload installation']);

export function checkMispEvent(doc: unknown): string[] {
  const problems: string[] = [];
  const e = (doc as { Event?: Record<string, unknown> }).Event;
  if (!e) return ['no Event'];
  if (typeof e.info !== 'string' || !e.info) problems.push('Event.info missing');
  if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) problems.push('Event.date is not YYYY-MM-DD');
  if (!['1', '2', '3', '4'].includes(String(e.threat_level_id))) problems.push('Event.threat_level_id not 1-4');
  if (!['0', '1', '2'].includes(String(e.analysis))) problems.push('Event.analysis not 0-2');
  if (!['0', '1', '2', '3', '4'].includes(String(e.distribution))) problems.push('Event.distribution not 0-4');
  if (typeof e.uuid !== 'string' || !UUID.test(e.uuid)) problems.push('Event.uuid is not a UUID');
  if (typeof e.published !== 'boolean') problems.push('Event.published is not a boolean');
  if (typeof e.timestamp !== 'string' || !/^\d+$/.test(e.timestamp)) problems.push('Event.timestamp is not epoch seconds');
  if (!Array.isArray(e.Attribute)) return [...problems, 'Event.Attribute is not a list'];
  (e.Attribute as Record<string, unknown>[]).forEach((a, i) => {
    const at = `Attribute[${i}]`;
    if (typeof a.type !== 'string' || !a.type) problems.push(`${at}: type missing`);
    if (typeof a.value !== 'string' || !a.value) problems.push(`${at}: value missing`);
    if (!MISP_CATEGORIES.has(String(a.category))) problems.push(`${at}: category "${String(a.category)}" unknown`);
    if (typeof a.to_ids !== 'boolean') problems.push(`${at}: to_ids is not a boolean`);
    if (typeof a.uuid !== 'string' || !UUID.test(a.uuid)) problems.push(`${at}: uuid is not a UUID`);
    if (!['0', '1', '2', '3', '4', '5'].includes(String(a.distribution))) problems.push(`${at}: distribution not 0-5`);
    const parts = String(a.type).split('|').length;
    if (String(a.value).split('|').length !== parts) problems.push(`${at}: composite ${String(a.type)} needs ${parts} values`);
  });
  return problems;
}

// ---------- CSV (RFC 4180) ----------
/** Parses RFC 4180 CSV into header-keyed rows; throws on a malformed quote. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        if (i + 1 < text.length && !',\r\n'.includes(text[i + 1]!)) throw new Error(`text after a closing quote at ${i}`);
      } else cell += c;
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted cell at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error('unterminated quoted cell');
  if (cell !== '' || row.length) rows.push([...row, cell]);
  const [header, ...body] = rows;
  return body.map((r) => {
    if (r.length !== header!.length) throw new Error(`row has ${r.length} cells, header ${header!.length}`);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}
