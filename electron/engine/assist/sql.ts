// Plan -> SQL over the `events` view, written out with literal values so the analyst can read
// and edit exactly what runs, and the "why" line saying how the question was read. Every
// answer carries event ids: rows their `id`, aggregates an `event_ids` list per group (the
// first IDS_PER_GROUP in time order, picked with a window function so the list stays bounded).
import type { AssistLang } from '../../common/assist';
import type { DimField } from './lexicon';
import type { Filter, FilterField, Plan } from './plan';

export const IDS_PER_GROUP = 20;
export const IDS_FOR_COUNT = 100;
export const ROW_COLUMNS = ['id', 'time', 'host', 'user', 'category', 'action', 'process_name', 'src_ip', 'dst_ip', 'dst_port', 'domain', 'url', 'file_path'];

const quote = (v: string | number): string => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
const likeEscape = (v: string): string => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL expression a dimension groups by. */
export function dimExpr(dim: DimField): string {
  if (dim === 'hash') return 'coalesce(process_hash, file_hash)';
  if (dim === 'user_agent') return "json_extract(extra, '$.user_agent')";
  return dim;
}

function columnCondition(field: FilterField, op: Filter['op'], value: string | number): string {
  if (field === 'file_name') {
    const v = likeEscape(String(value));
    return `(file_path LIKE ${quote(`%\\${v}`)} ESCAPE '\\' OR file_path LIKE ${quote(`%/${v}`)} ESCAPE '\\' OR file_path = ${quote(String(value))})`;
  }
  if (field === 'hash') return `(lower(process_hash) = ${quote(String(value).toLowerCase())} OR lower(file_hash) = ${quote(String(value).toLowerCase())})`;
  if (field === 'text') {
    const like = quote(`%${likeEscape(String(value))}%`);
    return `(${['process_command_line', 'url', 'file_path', 'registry_path', 'message', 'extra'].map((c) => `${c} LIKE ${like} ESCAPE '\\'`).join(' OR ')})`;
  }
  if (field === 'method') return `json_extract(extra, '$.action_original') = ${quote(String(value))}`;
  if (field === 'url_part') return `url LIKE ${quote(`%${likeEscape(String(value))}%`)} ESCAPE '\\'`;
  if (field === 'url' && typeof value === 'string') {
    // The same URL with or without its trailing slash.
    const bare = value.replace(/\/+$/, '');
    return `(url = ${quote(bare)} OR url = ${quote(`${bare}/`)})`;
  }
  return `${field} ${op === 'ne' ? '=' : '='} ${quote(value)}`;
}

function condition(f: Filter): string {
  if (f.op === 'nonnull') return f.fields.map((c) => `${dimExpr(c as DimField)} IS NOT NULL AND ${dimExpr(c as DimField)} <> ''`).join(' AND ');
  if (f.op === 'range') return `${f.fields[0]} BETWEEN ${f.min} AND ${f.max}`;
  const anyValue = f.values.map((v) => {
    const parts = f.fields.map((field) => columnCondition(field, 'eq', v));
    return parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!;
  });
  const joined = anyValue.length > 1 ? `(${anyValue.join(' OR ')})` : anyValue[0]!;
  return f.op === 'ne' ? `NOT coalesce(${joined}, 0)` : joined;
}

export function whereOf(plan: Plan): string[] {
  const parts = plan.filters.map(condition);
  if (plan.time?.from != null) parts.push(`time >= '${new Date(plan.time.from).toISOString()}'`);
  if (plan.time?.to != null) parts.push(`time < '${new Date(plan.time.to).toISOString()}'`);
  return parts;
}

const countName = (dim: DimField): string => `distinct_${dim}`;

export function buildSql(plan: Plan, rowCap: number): string {
  const where = whereOf(plan);
  const w = where.length ? `\nWHERE ${where.join('\n  AND ')}` : '';
  const dim = plan.dim;
  const key = dim ? dimExpr(dim) : '';
  const ids = (n: number): string => `group_concat(CASE WHEN rn <= ${n} THEN id END) AS event_ids`;
  switch (plan.intent) {
    case 'rows':
      return `SELECT ${ROW_COLUMNS.join(', ')}\nFROM events${w}\nORDER BY time, id\nLIMIT ${rowCap}`;
    case 'first':
    case 'last': {
      const dir = plan.intent === 'first' ? 'ASC' : 'DESC';
      if (!dim) return `SELECT ${ROW_COLUMNS.join(', ')}\nFROM events${w}\nORDER BY time ${dir}, id ${dir}\nLIMIT ${plan.limit ?? 1}`;
      const order = plan.intent === 'first' ? 'first_seen ASC' : 'last_seen DESC';
      return grouped(dim, key, w, ids(IDS_PER_GROUP), `${order}, ${dim}`, plan.limit ?? 1);
    }
    case 'count':
      return `SELECT count(*) AS events, ${ids(IDS_FOR_COUNT)}\nFROM (SELECT id, row_number() OVER (ORDER BY time, id) AS rn\n      FROM events${indent(w)})`;
    case 'count_distinct':
      return `SELECT count(DISTINCT k) AS ${countName(dim!)}, count(*) AS events, ${ids(IDS_FOR_COUNT)}\nFROM (SELECT id, ${key} AS k, row_number() OVER (ORDER BY time, id) AS rn\n      FROM events${indent(w)})`;
    case 'when':
      if (dim) return grouped(dim, key, w, ids(IDS_PER_GROUP), `first_seen, ${dim}`, null);
      return `SELECT min(time) AS first_seen, max(time) AS last_seen, count(*) AS events, ${ids(IDS_FOR_COUNT)}\nFROM (SELECT id, time, row_number() OVER (ORDER BY time, id) AS rn\n      FROM events${indent(w)})`;
    case 'group':
      return grouped(dim!, key, w, ids(IDS_PER_GROUP), `events DESC, ${dim}`, null);
    case 'distinct':
      return grouped(dim!, key, w, ids(IDS_PER_GROUP), `first_seen, ${dim}`, null);
    case 'top':
      return grouped(dim!, key, w, ids(IDS_PER_GROUP), `events DESC, ${dim}`, plan.limit ?? 10);
    case 'bottom':
      return grouped(dim!, key, w, ids(IDS_PER_GROUP), `events ASC, ${dim}`, plan.limit ?? 10);
  }
}

function indent(w: string): string {
  return w.replace(/\n/g, '\n      ');
}

function grouped(dim: DimField, key: string, w: string, ids: string, order: string, limit: number | null): string {
  return (
    `SELECT ${dim}, count(*) AS events, min(time) AS first_seen, max(time) AS last_seen, ${ids}\n` +
    `FROM (SELECT id, time, ${key} AS ${dim}, row_number() OVER (PARTITION BY ${key} ORDER BY time, id) AS rn\n` +
    `      FROM events${indent(w)})\n` +
    `GROUP BY ${dim}\nORDER BY ${order}${limit ? `\nLIMIT ${limit}` : ''}`
  );
}

const FIELD_JA: Partial<Record<string, string>> = {
  host: 'ホスト',
  user: 'ユーザー',
  user_agent: 'ユーザーエージェント',
  url_part: 'URL（部分）',
  process_name: 'プロセス',
  parent_process_name: '親プロセス',
  domain: 'ドメイン',
  dst_ip: '宛先IP',
  src_ip: '送信元IP',
  dst_port: '宛先ポート',
  url: 'URL',
  category: 'カテゴリ',
  action: 'アクション',
  file_path: 'ファイル',
  file_name: 'ファイル名',
  http_status: 'HTTPステータス',
  hash: 'ハッシュ',
  method: 'HTTPメソッド',
  text: '文字列',
  source_file: '証拠ファイル',
  process_command_line: 'コマンドライン',
};

function hhmm(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/:00\.000Z$|\.000Z$/, '').replace(/Z$/, '');
}

/** The why line: filters, time and intent in the words of the chosen language. */
export function explain(plan: Plan, lang: AssistLang): string {
  const parts: string[] = [];
  for (const f of plan.filters) {
    if (f.op === 'nonnull') continue;
    const name = f.fields.join(lang === 'ja' ? ' または ' : ' or ');
    if (f.op === 'range') parts.push(`${name} ${f.min}–${f.max}`);
    else if (f.fields[0] === 'text') parts.push(`${lang === 'ja' ? '含む' : 'contains'} ${f.values.map((v) => `"${v}"`).join(' / ')}`);
    else parts.push(`${name} ${f.op === 'ne' ? '≠' : '='} ${f.values.join(lang === 'ja' ? ' または ' : ' or ')}`);
  }
  if (plan.time) {
    const { from, to, zone, note } = plan.time;
    const span = from !== null && to !== null ? `${hhmm(from)}–${hhmm(to).replace(/^\d{4}-\d{2}-\d{2} /, hhmm(from).slice(0, 10) === hhmm(to).slice(0, 10) ? '' : '$&')}Z` : from !== null ? `≥ ${hhmm(from)}Z` : `< ${hhmm(to!)}Z`;
    const zoneNote = lang === 'ja' ? `（${zone}で読んだ${note ? `、${note}` : ''}）` : ` (read as ${zone}${note ? `, ${note}` : ''})`;
    parts.push(`${lang === 'ja' ? '時刻' : 'time'} ${span}${zoneNote}`);
  }
  parts.push(intentText(plan, lang));
  return parts.join(lang === 'ja' ? '、' : ', ');
}

function intentText(plan: Plan, lang: AssistLang): string {
  const d = plan.dim ? (lang === 'ja' ? (FIELD_JA[plan.dim] ?? plan.dim) : plan.dim) : '';
  const n = plan.limit ?? 1;
  if (lang === 'ja') {
    switch (plan.intent) {
      case 'rows': return 'イベントを時刻順に表示';
      case 'count': return 'イベント件数';
      case 'count_distinct': return `${d}の数`;
      case 'group': return `${d}ごとの件数`;
      case 'distinct': return `該当する${d}の一覧`;
      case 'top': return `件数が多い${d}上位${n}`;
      case 'bottom': return `件数が少ない${d}下位${n}`;
      case 'first': return d ? `最初に現れた${d}（${n}件）` : `最初のイベント（${n}件）`;
      case 'last': return d ? `最後に現れた${d}（${n}件）` : `最後のイベント（${n}件）`;
      case 'when': return d ? `${d}ごとの最初と最後の時刻` : '最初と最後の時刻と件数';
    }
  }
  switch (plan.intent) {
    case 'rows': return 'events in time order';
    case 'count': return 'count of events';
    case 'count_distinct': return `number of distinct ${d}`;
    case 'group': return `events per ${d}`;
    case 'distinct': return `which ${d} (with counts)`;
    case 'top': return `top ${n} ${d} by events`;
    case 'bottom': return `bottom ${n} ${d} by events`;
    case 'first': return d ? `first ${d} seen (${n})` : `first event${n > 1 ? `s (${n})` : ''}`;
    case 'last': return d ? `last ${d} seen (${n})` : `last event${n > 1 ? `s (${n})` : ''}`;
    case 'when': return d ? `first and last time per ${d}` : 'first and last time, and count';
  }
}
