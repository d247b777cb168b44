// Pivots from one event: the ways an examiner widens the view from it, each a filter the
// timeline shows (query text plus a time range) with the number of events it matches.
import type { SqlValue } from 'sql.js';
import type { PivotKind, PivotOption, PivotResult } from '../../common/investigate';
import type { EventRow } from '../../common/schema';
import type { CaseStore } from '../store/case-store';
import { STORY_COLUMNS } from '../detect/story/events';
import { withParentFields, type TreeEvent } from './process-events';
import { termsFilter, termsSql, type PivotTerms } from './pivot-terms';
import { ProcessLinker } from '../detect/story/process-links';
import { isProcessStart } from './process-events';
import { extraSql } from '../store/extra/extra-sql';

export const DEFAULT_MINUTES = 5;
const MAX_MINUTES = 7 * 24 * 60;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function pivotOptions(store: CaseStore, eventId: number, minutes = DEFAULT_MINUTES): PivotResult {
  const e = store.all<EventRow>('SELECT * FROM events WHERE id = ?', [eventId])[0];
  if (!e) throw new Error(`no event #${eventId}`);
  const n = Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes, MAX_MINUTES) : DEFAULT_MINUTES;
  // Pivots are counted together: the narrow time window by the time index, every other one
  // in a single pass over the events (one scan instead of one per pivot).
  const planned: { kind: PivotKind; field: string; values: string[]; groups: PivotTerms; range: { from?: string; to?: string } }[] = [];
  const add = (kind: PivotKind, field: string, values: string[], groups: PivotTerms, range: { from?: string; to?: string } = {}) =>
    planned.push({ kind, field, values, groups, range });
  const t = Date.parse(String(e.time));
  const str = (v: unknown) => (v === null || v === undefined || String(v) === '' ? null : String(v));

  const host = str(e.host);
  if (host) add('host-time', 'host', [host], [[{ field: 'host', value: host }]], { from: iso(t - n * 60_000), to: iso(t + n * 60_000 + 1) });

  const processTerms = processPivot(store, e);
  if (processTerms) add('process', processTerms.field, processTerms.values, processTerms.groups, processTerms.range);

  for (const field of ['dst_ip', 'domain', 'url'] as const) {
    const v = str(e[field]);
    if (v) add('destination', field, [v], [[{ field, value: v }]]);
  }
  const hashes = Array.from(new Set([str(e.file_hash), str(e.process_hash)].filter((h): h is string => h !== null)));
  if (hashes.length) add('hash', 'hash', hashes, [hashes.flatMap((h) => [{ field: 'file_hash', value: h }, { field: 'process_hash', value: h }])]);
  const user = str(e.user);
  if (user) add('user', 'user', [user], [[{ field: 'user', value: user }]]);
  return { eventId, minutes: n, options: countPivots(store, planned) };
}

function countPivots(store: CaseStore, planned: { kind: PivotKind; field: string; values: string[]; groups: PivotTerms; range: { from?: string; to?: string } }[]): PivotOption[] {
  const counts = new Map<number, { n: number; h: number }>();
  const scanned: number[] = [];
  planned.forEach((p, i) => {
    if (p.kind !== 'host-time') return void scanned.push(i);
    const where = termsSql(p.groups, p.range);
    const r = store.all<{ n: number; h: number }>(`SELECT count(*) AS n, count(DISTINCT host) AS h FROM event_row ${where.sql}`, where.params)[0]!;
    counts.set(i, { n: Number(r.n), h: Number(r.h) });
  });
  if (scanned.length) {
    const cols: string[] = [];
    const params: SqlValue[] = [];
    for (const i of scanned) {
      const where = termsSql(planned[i]!.groups, planned[i]!.range);
      const cond = where.sql.replace(/^WHERE /, '');
      cols.push(`count(CASE WHEN ${cond} THEN 1 END) AS n${i}`, `count(DISTINCT CASE WHEN ${cond} THEN host END) AS h${i}`);
      params.push(...where.params, ...where.params);
    }
    const r = store.all<Record<string, number>>(`SELECT ${cols.join(', ')} FROM event_row`, params)[0]!;
    for (const i of scanned) counts.set(i, { n: Number(r[`n${i}`]), h: Number(r[`h${i}`]) });
  }
  return planned.map((p, i) => ({
    kind: p.kind,
    field: p.field,
    values: p.values,
    filter: termsFilter(p.groups, p.range),
    count: counts.get(i)!.n,
    hosts: counts.get(i)!.h,
  }));
}

/**
 * The event's process and the processes it started: by GUID where the source has one,
 * else by pid on the host from the process's start until the pid's next start.
 */
function processPivot(store: CaseStore, e: EventRow): { field: string; values: string[]; groups: PivotTerms; range: { from?: string; to?: string } } | null {
  const guid = e.process_guid === null ? null : String(e.process_guid);
  if (guid) {
    return {
      field: 'process_guid',
      values: [guid],
      groups: [[{ field: 'process_guid', value: guid }, { field: 'parent_process_guid', value: guid }]],
      range: {},
    };
  }
  if (e.process_pid === null || !e.host) return null;
  const pid = Number(e.process_pid);
  const host = String(e.host);
  // The starts of this pid on the host bound the process's life (pids are reused).
  const starts = store
    .all<TreeEvent>(
      `SELECT ${STORY_COLUMNS}, ${extraSql()} AS extra, '' AS source_format FROM event_row
       WHERE process_pid = ? AND host = ? COLLATE NOCASE AND category = 'process' ORDER BY time, id LIMIT 10000`,
      [pid, host],
    )
    .filter(isProcessStart);
  const linker = new ProcessLinker<TreeEvent>();
  starts.forEach((s) => linker.add(s));
  const self = linker.self(withParentFields({ ...(e as unknown as TreeEvent) }))?.start;
  const from = self ? self.time : undefined;
  const next = self ? starts.find((s) => s.time > self.time) : undefined;
  return {
    field: 'process_pid',
    values: [host, String(pid)],
    groups: [[{ field: 'host', value: host }], [{ field: 'process_pid', value: pid }]],
    range: { ...(from ? { from } : {}), ...(next ? { to: next.time } : {}) },
  };
}
