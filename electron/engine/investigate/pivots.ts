// Pivots from one event: the ways an examiner widens the view from it, each a filter the
// timeline shows (query text plus a time range) with the number of events it matches.
import type { PivotKind, PivotOption, PivotResult } from '../../common/investigate';
import type { EventRow } from '../../common/schema';
import type { CaseStore } from '../store/case-store';
import { hostProcessEvents, withParentFields, type TreeEvent } from './process-events';
import { termsFilter, termsSql, type PivotTerms } from './pivot-terms';
import { ProcessLinker } from '../detect/story/process-links';
import { isProcessStart } from './process-events';

export const DEFAULT_MINUTES = 5;
const MAX_MINUTES = 7 * 24 * 60;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function pivotOptions(store: CaseStore, eventId: number, minutes = DEFAULT_MINUTES): PivotResult {
  const e = store.all<EventRow>('SELECT * FROM events WHERE id = ?', [eventId])[0];
  if (!e) throw new Error(`no event #${eventId}`);
  const n = Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes, MAX_MINUTES) : DEFAULT_MINUTES;
  const options: PivotOption[] = [];
  const add = (kind: PivotKind, field: string, values: string[], groups: PivotTerms, range: { from?: string; to?: string } = {}) => {
    const where = termsSql(groups, range);
    const r = store.all<{ n: number; h: number }>(`SELECT count(*) AS n, count(DISTINCT host) AS h FROM events ${where.sql}`, where.params)[0]!;
    options.push({ kind, field, values, filter: termsFilter(groups, range), count: Number(r.n), hosts: Number(r.h) });
  };
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
  return { eventId, minutes: n, options };
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
  const starts = hostProcessEvents(store, host, null, 100_000).filter((x: TreeEvent) => x.process_pid === pid && isProcessStart(x));
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
