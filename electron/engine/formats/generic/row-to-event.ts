// One row (column name -> text) through a column mapping into an event. The timestamp must
// read in the mapping's layout or the row is rejected with the reason (never dropped);
// mapped columns fill the normalized fields; every other column is kept in `extra` unless
// the mapping says to ignore it; the message is the mapped one or a compact "k=v" of the row.
// Cell text is kept exactly as written: a "=cmd|..." formula payload is just text here.
import { EVENT_CATEGORIES, type EventCategory, type NormalizedFields } from '../../../common/schema';
import { INTEGER_TARGETS, TIMESTAMP_FORMAT_LABELS, type ColumnMapping, type MappingTarget } from '../../../common/import-mapping';
import { setField, toInt } from '../fields';
import { isIpLiteral, urlHostPort } from '../net';
import type { ParseContext, ParseOutcome, ParsedEvent } from '../types';
import type { RowEntries } from './json-layout';
import { quoted } from './quoted';
import { parseTimestamp, timeContext } from './timestamp-formats';

const MAX_MESSAGE_CHARS = 4096;

type StringField = Exclude<
  keyof NormalizedFields,
  'category' | 'process_pid' | 'src_port' | 'dst_port' | 'http_status' | 'bytes_in' | 'bytes_out' | 'duration_ms'
>;
type IntField = 'process_pid' | 'src_port' | 'dst_port' | 'http_status' | 'bytes_in' | 'bytes_out';

export type RowMapper = (row: RowEntries) => ParseOutcome;

function kv(source: string, value: string): string {
  const v = /[\s="]/.test(value) ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value;
  return `${source}=${v}`;
}

function isCategory(v: string): v is EventCategory {
  return (EVENT_CATEGORIES as readonly string[]).includes(v);
}

/** The mapping's columns by name, and which ones make up the timestamp. */
function plan(mapping: ColumnMapping) {
  const targets = new Map<string, MappingTarget>();
  for (const c of mapping.columns) if (!targets.has(c.source)) targets.set(c.source, c.target);
  const find = (t: MappingTarget): string | undefined => mapping.columns.find((c) => c.target === t)?.source;
  return { targets, time: find('time'), date: find('date'), clock: find('clock') };
}

export function createRowMapper(mapping: ColumnMapping, ctx: ParseContext): RowMapper {
  const { targets, time, date, clock } = plan(mapping);
  const zone = mapping.timezone ?? ctx.timezone;
  const tctx = timeContext(zone, ctx.baseYear);
  const label = TIMESTAMP_FORMAT_LABELS[mapping.time.format];
  const timeNames = time !== undefined ? `column ${quoted(time)}` : clock !== undefined ? `columns ${quoted(date)} and ${quoted(clock)}` : `column ${quoted(date)}`;

  return (row) => {
    const values = new Map(row);
    let timeRaw: string;
    if (time !== undefined) timeRaw = (values.get(time) ?? '').trim();
    else {
      const d = (values.get(date!) ?? '').trim();
      const k = clock === undefined ? '' : (values.get(clock) ?? '').trim();
      timeRaw = d === '' ? '' : `${d} ${k}`.trim();
    }
    if (timeRaw === '') return { kind: 'reject', reason: `no timestamp: ${timeNames} empty` };
    const parsed = parseTimestamp(timeRaw, mapping.time.format, tctx);
    if (!parsed) return { kind: 'reject', reason: `timestamp ${quoted(timeRaw)} in ${timeNames} does not read as ${label}` };

    const ev: ParsedEvent = { ts: parsed.ts, timeRaw, timeZone: parsed.timeZone, category: mapping.category };
    const extra: Record<string, unknown> = {};
    const parts: string[] = [];
    let hasExtra = false;
    const keep = (source: string, value: string): void => {
      setField(extra, source, value);
      hasExtra = true;
    };
    for (const [source, raw] of row) {
      if (raw === '') continue;
      const target = targets.get(source) ?? 'extra';
      if (target === 'ignore') continue;
      if (target === 'time' || target === 'date' || target === 'clock') continue;
      parts.push(kv(source, raw));
      const value = raw.trim();
      if (target === 'extra' || value === '') keep(source, raw);
      else if (target === 'category') {
        const c = value.toLowerCase();
        if (isCategory(c)) ev.category = c;
        else keep(source, raw);
      } else if (INTEGER_TARGETS.includes(target)) {
        const n = toInt(value);
        if (n === undefined || ev[target as IntField] !== undefined) keep(source, raw);
        else ev[target as IntField] = n;
      } else if (ev[target as StringField] === undefined) ev[target as StringField] = value;
      else keep(source, raw);
    }
    if (ev.url && !ev.domain) {
      const host = urlHostPort(ev.url)?.host;
      if (host && !isIpLiteral(host)) ev.domain = host.toLowerCase();
    }
    if (!ev.message) {
      const m = parts.join(' ');
      ev.message = m.length > MAX_MESSAGE_CHARS ? `${m.slice(0, MAX_MESSAGE_CHARS)}…` : m;
    }
    if (hasExtra) ev.extra = extra;
    return { kind: 'events', events: [ev] };
  };
}
