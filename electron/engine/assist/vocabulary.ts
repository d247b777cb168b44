// The case's own words: every host, user, address, process, domain, URL, file name and hash
// that occurs in it, keyed the ways an analyst types them (any case, without `.exe`, a host
// without its DNS suffix, a user without its domain). The parser matches questions against
// these keys, so "wks-acct-07" finds `wks-acct-07.acme.local` only because that host exists.
import type { CaseStore } from '../store/case-store';
import { extraKeyLiteral } from '../store/extra/extra-sql';

export type VocabField =
  | 'host'
  | 'user'
  | 'process_name'
  | 'parent_process_name'
  | 'src_ip'
  | 'dst_ip'
  | 'domain'
  | 'url'
  | 'file_name'
  | 'hash'
  | 'category'
  | 'action'
  /** The request method a web or proxy log wrote (GET, POST): kept as `action_original` in `extra`. */
  | 'method';

export interface VocabEntry {
  field: VocabField;
  /** The value exactly as the evidence wrote it (what the SQL compares with). */
  value: string;
}

export interface Vocabulary {
  /** Lower-cased key -> the values it names (one key can name a host and a domain). */
  keys: Map<string, VocabEntry[]>;
  longestKey: number;
  categories: string[];
  actions: string[];
  /** HTTP statuses and destination ports the case holds: a bare "404" or "8080" is read by them. */
  statuses: Set<number>;
  ports: Set<number>;
  /** Users exist in the case: "who" means a user, else (web logs) a client address. */
  hasUsers: boolean;
  /** Destination addresses exist: otherwise "IP" can only mean the client (a web server's log). */
  hasDstIp: boolean;
  /** URL keys, for a path typed in part ("cmd.php" of /uploads/cmd.php?c=id). */
  urls: string[];
  /** Case span (ISO UTC) and the case's zone, for relative and date-less times. */
  first: string | null;
  last: string | null;
  zone: string;
}

const DISTINCT_CAP = 20000;

// Columns read for keys, and the field each one feeds.
const SOURCES: [string, VocabField][] = [
  ['host', 'host'],
  ['user', 'user'],
  ['process_name', 'process_name'],
  ['parent_process_name', 'parent_process_name'],
  ['src_ip', 'src_ip'],
  ['dst_ip', 'dst_ip'],
  ['domain', 'domain'],
  ['url', 'url'],
  ['file_path', 'file_name'],
  ['process_hash', 'hash'],
  ['file_hash', 'hash'],
  ['category', 'category'],
  ['action', 'action'],
  // `action` is one vocabulary across sources (http_request); the method the log wrote is kept in extra.
  [`CASE WHEN category IN ('web', 'proxy') AND (extra_shape IS NOT NULL OR json_valid(extra_values)) THEN ${extraKeyLiteral('action_original')} END`, 'method'],
];

/** Keys an analyst may type for a value of a field. */
export function keysFor(field: VocabField, value: string): string[] {
  const v = value.normalize('NFKC').toLowerCase().trim();
  const keys = new Set<string>([v]);
  if (field === 'process_name' || field === 'parent_process_name' || field === 'file_name') {
    const base = v.replace(/^.*[\\/]/, '');
    keys.add(base);
    if (/\.exe$/.test(base) && field !== 'file_name') keys.add(base.slice(0, -4));
  }
  if (field === 'host') {
    const short = v.split('.')[0]!;
    if (short.length >= 3 && !/^\d+$/.test(short)) keys.add(short);
  }
  if (field === 'user') {
    const bare = v.replace(/^.*\\/, '').replace(/@.*$/, '');
    if (bare.length >= 2) keys.add(bare);
  }
  if (field === 'url') keys.add(v.replace(/\/+$/, ''));
  if (field === 'domain') keys.add(v.replace(/^www\./, ''));
  return [...keys].filter((k) => k.length >= 2);
}

function fileName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

export function loadVocabulary(store: CaseStore): Vocabulary {
  const keys = new Map<string, VocabEntry[]>();
  let longestKey = 0;
  const add = (field: VocabField, value: string): void => {
    for (const key of keysFor(field, value)) {
      const list = keys.get(key) ?? [];
      if (!list.some((e) => e.field === field && e.value === value)) list.push({ field, value });
      keys.set(key, list);
      longestKey = Math.max(longestKey, key.length);
    }
  };
  const categories: string[] = [];
  const actions: string[] = [];
  // One pass over the rows (a DISTINCT per column costs a sort each: 13 of them took ~10 s on
  // 200k events here, one pass reading 13 columns a fraction of it), each field's values capped.
  const seen = SOURCES.map(() => new Set<string>());
  const stmt = store.db.prepare(`SELECT ${SOURCES.map(([c]) => c).join(', ')} FROM event_row`);
  try {
    while (stmt.step()) {
      const row = stmt.get();
      for (let i = 0; i < SOURCES.length; i++) {
        const v = row[i];
        if (v === null || v === undefined || v === '' || seen[i]!.size >= DISTINCT_CAP) continue;
        seen[i]!.add(String(v));
      }
    }
  } finally {
    stmt.free();
  }
  SOURCES.forEach(([, field], i) => {
    for (const value of seen[i]!) {
      if (field === 'file_name') {
        const name = fileName(value);
        // A file name alone (請求書.doc, qzx81.dll) identifies the file; a bare directory does not.
        if (/\.[\p{L}\p{N}]{1,8}$/u.test(name)) add('file_name', name);
        continue;
      }
      if (field === 'category') categories.push(value);
      if (field === 'action') actions.push(value);
      add(field, value);
    }
  });
  const span = store.db.exec('SELECT min(time), max(time) FROM event_row')[0]?.values[0] ?? [null, null];
  const numbers = (col: string): Set<number> => new Set((store.db.exec(`SELECT DISTINCT ${col} FROM event_row WHERE ${col} IS NOT NULL LIMIT ${DISTINCT_CAP}`)[0]?.values ?? []).map((r) => Number(r[0])));
  const urls: string[] = [];
  for (const list of keys.values()) for (const e of list) if (e.field === 'url' && !urls.includes(e.value)) urls.push(e.value);
  return {
    keys,
    longestKey,
    categories,
    actions,
    statuses: numbers('http_status'),
    ports: numbers('dst_port'),
    hasUsers: store.db.exec("SELECT 1 FROM event_row WHERE user IS NOT NULL AND user <> '' LIMIT 1").length > 0,
    hasDstIp: store.db.exec("SELECT 1 FROM event_row WHERE dst_ip IS NOT NULL AND dst_ip <> '' LIMIT 1").length > 0,
    urls,
    first: span[0] === null ? null : String(span[0]),
    last: span[1] === null ? null : String(span[1]),
    zone: store.getMeta('timezone') ?? 'UTC',
  };
}

/**
 * Columns of `events` that hold at least one value: the schema a model is shown. One scan
 * (max() over every column at once), so it is computed only when a model is asked.
 */
export function presentColumns(store: CaseStore): string[] {
  const all = store.db.exec('PRAGMA table_info(events)')[0]?.values.map((r) => String(r[1])) ?? [];
  const checks = all.map((c) => `max("${c}" IS NOT NULL AND "${c}" <> '')`);
  const row = store.db.exec(`SELECT ${checks.join(', ')} FROM events`)[0];
  if (!row) return all;
  return all.filter((_, i) => Number(row.values[0]![i]) === 1);
}
