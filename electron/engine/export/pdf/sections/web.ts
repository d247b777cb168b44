// The web story: who attacked the public web server, what worked (time order) and the web
// shells with their commands. Requests and commands are printed as the log wrote them
// (commands URL-decoded, as detection gives them). Omitted when no web attack was found.
import { reportText } from '../../i18n/coded';
import { webMessages } from '../../i18n/web';
import type { ReportData } from '../../report-data';
import type { ReportLanguage } from '../../types';
import { TIME_WIDTH, type ReportWriter } from '../writer';

const LIMIT = 200;

export function writeWebStory(w: ReportWriter, data: ReportData, language: ReportLanguage): void {
  const web = data.detection?.incident.web;
  if (!web || web.attackers.length === 0) return;
  const m = webMessages(language);
  const c = m.col;
  const tech = (t: string) => m.technique[t] ?? t;
  w.heading(m.heading);
  w.para(m.intro(web.attackers.length, web.successes.length, web.webshells.length));
  w.heading(m.attackers, 2);
  w.table(
    [
      { header: c.ip, share: 1.2 },
      { header: c.period, share: 0, width: TIME_WIDTH, nowrap: true },
      { header: c.requests, share: 0.7 },
      { header: c.techniques, share: 2.2 },
      { header: c.successes, share: 0.7 },
    ],
    web.attackers.slice(0, LIMIT).map((a) => [a.ip, `${a.first}\n${a.last}`, String(a.requests), `${a.techniques.map(tech).join(', ')}${a.tools?.length ? `\n(${a.tools.join(', ')})` : ''}`, String(a.successes)]),
  );
  w.heading(m.successes, 2);
  if (web.successes.length === 0) w.para(m.noSuccess);
  else {
    w.table(
      [
        { header: c.time, share: 0, width: TIME_WIDTH, nowrap: true },
        { header: c.ip, share: 0, nowrap: true },
        { header: c.technique, share: 1.2 },
        { header: c.url, share: 2.6 },
        // Narrow numbers: as wide as their header word or widest value, never broken inside a word.
        { header: c.status, share: 0, nowrap: true },
        { header: c.bytes, share: 0, nowrap: true },
        { header: c.why, share: 2.4 },
      ],
      web.successes.slice(0, LIMIT).map((s) => [s.time, s.ip, tech(s.technique), s.url, s.status === null ? '' : String(s.status), s.bytes === null ? '' : String(s.bytes), reportText(language, s.reason_code, s.reason ?? '')]),
    );
  }
  if (web.webshells.length > 0) {
    w.heading(m.shells, 2);
    w.table(
      [
        { header: c.path, share: 2 },
        { header: c.firstSeen, share: 0, width: TIME_WIDTH, nowrap: true },
        { header: c.users, share: 1.2 },
        { header: c.commands, share: 3.4 },
      ],
      web.webshells.map((s) => [s.path, s.first_seen, s.ips.join(', '), s.commands.join('\n')]),
    );
  }
}
