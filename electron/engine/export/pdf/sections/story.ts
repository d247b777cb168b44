// The incident story as detection assembled it: patient zero, each infected host's chain,
// payload URLs, C2, lateral movement, spam and who clicked.
import { reportText } from '../../i18n/coded';
import type { Incident } from '../../../../common/detect';
import type { ReportData } from '../../report-data';
import { TIME_WIDTH, type ReportWriter, type TableColumn } from '../writer';

const LIMIT = 300;

function capped<T>(items: T[]): T[] {
  return items.length > LIMIT ? items.slice(0, LIMIT) : items;
}

function more(w: ReportWriter, items: unknown[]): void {
  if (items.length > LIMIT) w.para(w.m.moreRows(items.length - LIMIT, w.m.theWorkbook), { size: 8, color: '#555555' });
}

/** A sub-section listing items as a table (the first LIMIT of them), or saying there are none. */
function tableSection<T>(w: ReportWriter, title: string, items: T[], columns: TableColumn[], row: (item: T) => string[]): void {
  w.heading(title, 2);
  if (items.length) w.table(columns, capped(items).map(row));
  else w.para(w.m.story.nothing);
  more(w, items);
}

export function writeStory(w: ReportWriter, data: ReportData): void {
  const { m } = w;
  w.heading(m.sections.story);
  const d = data.detection;
  if (!d) {
    w.para(m.summary.noDetection);
    return;
  }
  const inc: Incident = d.incident;
  const c = m.col;
  w.heading(m.story.patientZero, 2);
  const pz = inc.patient_zero;
  if (pz) {
    w.fields([
      [c.host, pz.host],
      ...(pz.resolved ? ([[c.srcIp, m.story.resolved(pz.resolved.ip, pz.resolved.host, pz.resolved.evidence.join(', '))]] as [string, string][]) : []),
      [c.user, pz.user ?? ''],
      [c.time, pz.time],
      [m.stage.lure, pz.lure ?? ''],
      [c.eventIds, pz.event_ids.join(', ')],
    ]);
    // Why detection chose this machine (the chain evidence that ties it), as detection words it
    // (in Japanese from its code, the UI's wording).
    if (pz.reason) w.para(reportText(w.language, pz.reason_code, pz.reason), { size: 9, color: '#444444' });
  } else w.para(m.summary.noPatientZero);

  w.heading(m.story.infectedHosts, 2);
  if (!inc.infected.length && !inc.hosts.length) w.para(m.story.nothing);
  else if (!inc.infected.length) w.bullets(inc.hosts);
  for (const host of inc.infected) {
    w.para(`${m.story.chainOf(host.host)}${host.user ? ` (${host.user})` : ''} — ${host.first_malicious}`, { size: 11 });
    if (host.resolved) w.para(m.story.resolved(host.resolved.ip, host.resolved.host, host.resolved.evidence.join(', ')), { size: 9, color: '#444444' });
    if (host.reasons.length) w.para(host.reasons.map((r, i) => reportText(w.language, host.reason_codes?.[i], r)).join('; '), { size: 9, color: '#444444' });
    w.table(
      [
        { header: c.time, share: 0, width: TIME_WIDTH, nowrap: true },
        { header: c.stage, share: 1.3 },
        { header: c.summary, share: 5 },
        { header: c.eventIds, share: 1.5 },
      ],
      host.steps.map((s) => [s.time, m.stage[s.stage] ?? s.stage, reportText(w.language, s.summary_code, s.summary), s.event_ids.slice(0, 20).join(', ')]),
    );
  }

  w.heading(m.story.payloadUrls, 2);
  if (inc.payload_urls.length) w.bullets(capped(inc.payload_urls));
  else w.para(m.story.nothing);
  more(w, inc.payload_urls);

  tableSection(
    w,
    m.story.c2,
    inc.c2,
    [
      { header: c.ip, share: 2 },
      { header: c.port, share: 1 },
      { header: c.domain, share: 3 },
    ],
    (x) => [x.ip, x.port === null ? '' : String(x.port), x.domain ?? ''],
  );

  tableSection(
    w,
    m.story.lateral,
    inc.lateral_movement,
    [
      { header: c.time, share: 0, width: TIME_WIDTH, nowrap: true },
      { header: c.from, share: 2 },
      { header: c.to, share: 2 },
      { header: c.eventIds, share: 2 },
    ],
    (x) => [x.time, x.from, x.to, x.event_ids.slice(0, 20).join(', ')],
  );

  tableSection(
    w,
    m.story.spam,
    inc.spam,
    [
      { header: c.host, share: 2 },
      { header: c.count, share: 1 },
      { header: c.first, share: 0, width: TIME_WIDTH, nowrap: true },
    ],
    (x) => [x.host, String(x.count), x.first],
  );

  tableSection(
    w,
    m.story.clicked,
    inc.clicked,
    [
      { header: c.time, share: 0, width: TIME_WIDTH, nowrap: true },
      { header: c.host, share: 1.5 },
      { header: c.user, share: 1.5 },
      { header: c.srcIp, share: 1.3 },
      { header: c.url, share: 4 },
    ],
    (x) => [x.time, x.host ?? '', x.user ?? '', x.src_ip ?? '', x.url],
  );

  if (d.beacons.length) {
    w.heading(m.story.beacons, 2);
    w.table(
      [
        { header: c.host, share: 1.5 },
        { header: c.destination, share: 2.5 },
        { header: c.port, share: 0.8 },
        { header: c.count, share: 0.8 },
        { header: c.interval, share: 1 },
        { header: c.score, share: 0.8 },
        { header: c.first, share: 0, width: TIME_WIDTH, nowrap: true },
      ],
      capped(d.beacons).map((b) => [
        b.host ?? b.src_ip ?? '',
        b.destination,
        b.dst_port === null ? '' : String(b.dst_port),
        String(b.count),
        String(Math.round(b.interval_s)),
        b.score.toFixed(2),
        b.first,
      ]),
    );
    more(w, d.beacons);
  }
}
