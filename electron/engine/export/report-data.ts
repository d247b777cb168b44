// Everything the XLSX summary sheets and the PDF report show, read once from the case: its
// metadata, the period the events cover, the evidence registry, tagged evidence with notes,
// the custody log with its verified chain, and per-category counts over time for the chart.
import type { DetectResult } from '../../common/detect';
import type { Bookmark, CustodyLogEntry, CustodyStatus } from '../../common/custody';
import type { EventRow, EvidenceSummary } from '../../common/schema';
import { listBookmarks } from '../custody/bookmarks';
import type { CaseSession } from '../custody/session';
import { listEvidence } from '../store/evidence-registry';
import { VERSION } from '../version';

export interface ReportCase {
  name: string;
  caseId: string;
  caseNumber: string;
  organization: string;
  examiners: string;
  createdAt: string;
  timezone: string;
  path: string;
}

export interface TaggedEvidence extends Bookmark {
  /** The full event (the bookmark carries only a few fields). */
  row: EventRow;
}

export interface ReportEvidence extends EvidenceSummary {
  container: string | null;
  skipped: number;
  /** Correction applied to every event of this file (milliseconds), 0 when none. */
  clock_skew_ms: number;
  /** Path inside the archive when the file came out of a .zip. */
  entry_name: string | null;
}

export interface HistogramBucket {
  /** ISO prefix of the bucket start: "2026-10-05T03" (hour), "2026-10-05" (day) or "2026-10" (month). */
  start: string;
  counts: Record<string, number>;
}

export interface ReportData {
  case: ReportCase;
  generatedAt: string;
  generatedBy: string;
  version: string;
  period: { first: string | null; last: string | null };
  totals: { events: number; rejected: number; tagged: number };
  categories: { category: string; events: number }[];
  hosts: { host: string; events: number }[];
  evidence: ReportEvidence[];
  tagged: TaggedEvidence[];
  custody: CustodyLogEntry[];
  chain: CustodyStatus;
  histogram: { unit: 'hour' | 'day' | 'month'; buckets: HistogramBucket[] };
  detection: DetectResult | null;
}

const TOP_HOSTS = 25;
// The chart has room for about this many bars; the bucket unit is chosen to stay under it.
const MAX_BARS = 120;

export function collectReportData(session: CaseSession, detection: DetectResult | null): ReportData {
  const store = session.store;
  const meta = store.meta();
  const n = (sql: string): number => Number(store.scalar(sql) ?? 0);
  const period = store.all<{ first: string | null; last: string | null }>('SELECT min(time) AS first, max(time) AS last FROM event_row')[0]!;
  const bookmarks = listBookmarks(store);
  const rowOf = (id: number): EventRow => store.all<EventRow>('SELECT * FROM events WHERE id = ?', [id])[0]!;
  return {
    case: {
      name: meta.name,
      caseId: meta.caseId,
      caseNumber: store.getMeta('caseNumber') ?? '',
      organization: store.getMeta('organization') ?? '',
      examiners: store.getMeta('examiners') ?? '',
      createdAt: meta.createdAt,
      timezone: meta.timezone,
      path: store.path,
    },
    generatedAt: new Date().toISOString(),
    generatedBy: session.examiner.name,
    version: VERSION,
    period,
    totals: { events: n('SELECT count(*) FROM event_row'), rejected: n('SELECT count(*) FROM rejected_record'), tagged: bookmarks.length },
    categories: store.all('SELECT category, count(*) AS events FROM event_row GROUP BY category ORDER BY events DESC'),
    hosts: store.all('SELECT host, count(*) AS events FROM event_row WHERE host IS NOT NULL GROUP BY host ORDER BY events DESC LIMIT ?', [TOP_HOSTS]),
    evidence: evidenceWithContainers(session),
    tagged: bookmarks.map((b) => ({ ...b, row: rowOf(b.event.id) })),
    custody: session.entries(),
    chain: session.chain,
    histogram: histogram(session, period),
    detection,
  };
}

function evidenceWithContainers(session: CaseSession): ReportEvidence[] {
  type Extra = Pick<ReportEvidence, 'container' | 'skipped' | 'clock_skew_ms' | 'entry_name'> & { id: number };
  const extra = new Map(
    session.store.all<Extra>('SELECT id, container, skipped, clock_skew_ms, entry_name FROM evidence').map((x) => [x.id, x]),
  );
  return listEvidence(session.store).map((e) => {
    const x = extra.get(e.id);
    return { ...e, container: x?.container ?? null, skipped: x?.skipped ?? 0, clock_skew_ms: x?.clock_skew_ms ?? 0, entry_name: x?.entry_name ?? null };
  });
}

function histogram(session: CaseSession, period: { first: string | null; last: string | null }): ReportData['histogram'] {
  if (!period.first || !period.last) return { unit: 'hour', buckets: [] };
  const spanHours = (Date.parse(period.last) - Date.parse(period.first)) / 3_600_000;
  const unit = spanHours < MAX_BARS ? 'hour' : spanHours / 24 < MAX_BARS ? 'day' : 'month';
  const width = unit === 'hour' ? 13 : unit === 'day' ? 10 : 7;
  const rows = session.store.all<{ b: string; category: string; n: number }>(
    'SELECT substr(time, 1, ?) AS b, category, count(*) AS n FROM event_row GROUP BY b, category ORDER BY b',
    [width],
  );
  const buckets: HistogramBucket[] = [];
  for (const r of rows) {
    if (buckets.at(-1)?.start !== r.b) buckets.push({ start: r.b, counts: {} });
    buckets.at(-1)!.counts[r.category] = r.n;
  }
  return { unit, buckets };
}
