// The monthly report's numbers: every case in a folder whose incident falls in the month (its
// first sign in the evidence, else when the case was opened, in the case's own time zone), each
// read for inspection only with a fresh detection run. Counts by type, severity and phase;
// infected hosts; who reached phishing URLs and when; mean and worst time to detect (first sign
// -> case opened), contain (opened -> containment phase) and close (opened -> closed); the
// indicators seen in the most cases. A case that cannot be read is listed, never dropped silently.
import type { Severity } from '../../../common/detect';
import {
  INCIDENT_PHASES,
  SEVERITY_LEVELS,
  type DurationStats,
  type IncidentLang,
  type IncidentType,
  type MonthlyCase,
  type MonthlyReport,
  type PhishingAccess,
} from '../../../common/incident';
import { CaseSession } from '../../custody/session';
import { loadIncident } from '../case-incident';
import { casesIn } from '../case-folder';
import { webStory } from '../web-story';

export const INCIDENT_TYPES: readonly IncidentType[] = ['emotet', 'web-attack', 'phishing-access', 'other'];
const TOP = 10;

/** YYYY-MM of an instant in a zone (a CSIRT in Tokyo counts 2026-10-31T20:00Z as November). */
export function monthIn(iso: string, zone: string): string {
  let z = zone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
  } catch {
    z = 'UTC';
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: z, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

const hours = (from: string | null, to: string | null): number | null => {
  if (!from || !to) return null;
  const h = (Date.parse(to) - Date.parse(from)) / 3_600_000;
  return Number.isFinite(h) && h >= 0 ? h : null;
};

function stats(values: (number | null)[]): DurationStats {
  const v = values.filter((x): x is number => x !== null);
  if (!v.length) return { count: 0, mean_hours: null, worst_hours: null };
  const round = (x: number) => Math.round(x * 100) / 100;
  return { count: v.length, mean_hours: round(v.reduce((a, b) => a + b, 0) / v.length), worst_hours: round(Math.max(...v)) };
}

interface Row extends MonthlyCase {
  access: PhishingAccess[];
  candidates: string[];
}

async function readCase(file: string, opts: { standardFile?: string; folder: string; lang: IncidentLang }): Promise<{ row: Row; zone: string }> {
  const session = await CaseSession.open(file, { readOnly: true });
  try {
    const { detection, state } = await loadIncident(session, { standardFile: opts.standardFile, folders: [opts.folder], lang: opts.lang });
    const i = detection.incident;
    const web = webStory(i);
    const webHit = web.successes.length > 0 || web.webshells.length > 0 || web.attackers.some((a) => a.successes > 0);
    const type: IncidentType = i.infected.length > 0 ? 'emotet' : webHit ? 'web-attack' : i.clicked.length > 0 ? 'phishing-access' : 'other';
    const attackers = [...new Set([...i.c2.map((c) => c.ip), ...web.attackers.filter((a) => a.successes > 0).map((a) => a.ip)])];
    const row: Row = {
      case: file,
      name: state.case.name,
      type,
      severity: state.severity ?? null,
      phase: state.phase,
      started: state.times.started,
      opened: state.times.opened,
      contained: state.times.contained,
      closed: state.times.closed,
      infected_hosts: [...i.hosts],
      attackers,
      indicators: state.indicators.filter((x) => x.confirmed).map((x) => x.value),
      access: i.clicked.map((c) => ({ case: file, host: c.host, src_ip: c.src_ip, user: c.user, url: c.url, time: c.time })),
      candidates: state.indicators.map((x) => x.value),
    };
    return { row, zone: session.meta().timezone };
  } finally {
    session.close();
  }
}

export async function monthlyReport(folder: string, month: string, opts: { standardFile?: string; lang?: IncidentLang } = {}): Promise<MonthlyReport> {
  const rows: Row[] = [];
  const unreadable: MonthlyReport['unreadable'] = [];
  for (const file of casesIn(folder)) {
    try {
      const { row, zone } = await readCase(file, { standardFile: opts.standardFile, folder, lang: opts.lang ?? 'en' });
      if (monthIn(row.started ?? row.opened, zone) === month) rows.push(row);
    } catch (err) {
      unreadable.push({ case: file, reason: (err as Error).message });
    }
  }
  rows.sort((a, b) => (a.started ?? a.opened).localeCompare(b.started ?? b.opened));
  const count = <K extends string>(keys: readonly K[], of: (r: Row) => K | null) =>
    Object.fromEntries([...keys, 'unset'].map((k) => [k, rows.filter((r) => (of(r) ?? 'unset') === k).length]).filter(([k, n]) => k !== 'unset' || Number(n) > 0)) as Record<string, number>;
  const byIndicator = new Map<string, number>();
  for (const r of rows) for (const v of new Set(r.candidates)) byIndicator.set(v, (byIndicator.get(v) ?? 0) + 1);
  const phishing = rows.flatMap((r) => r.access).sort((a, b) => a.time.localeCompare(b.time));
  return {
    month,
    cases: rows.map(({ access: _a, candidates: _c, ...c }) => c),
    phishing_access: phishing,
    totals: {
      cases: rows.length,
      by_type: count(INCIDENT_TYPES, (r) => r.type) as Record<IncidentType, number>,
      by_severity: count<Severity>(SEVERITY_LEVELS, (r) => r.severity),
      by_phase: count(INCIDENT_PHASES, (r) => r.phase),
      infected_hosts: new Set(rows.flatMap((r) => r.infected_hosts.map((h) => h.toLowerCase()))).size,
      phishing_access: phishing.length,
      time_to_detect: stats(rows.map((r) => hours(r.started, r.opened))),
      time_to_contain: stats(rows.map((r) => hours(r.opened, r.contained))),
      time_to_close: stats(rows.map((r) => hours(r.opened, r.closed))),
      top_indicators: [...byIndicator]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TOP)
        .map(([indicator, cases]) => ({ indicator, cases })),
    },
    unreadable,
  };
}
