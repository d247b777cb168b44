// The triage summary: a short narrative of the incident built from the detection result —
// who, what, when, how far, and what is still unknown — each sentence citing the events it
// rests on. A sentence whose events all come from one evidence file is flagged uncorroborated
// (no second source confirms it). A proposed severity comes with its reasons. Nothing is
// invented: every sentence is a field of the detection result put into words.
import type { AcceptedSummary, AssistLang, TriageSentence, TriageSeverity, TriageSummary } from '../../common/assist';
import type { DetectResult } from '../../common/detect';
import type { CaseSession } from '../custody/session';
import type { CaseStore } from '../store/case-store';

const CAP = 20;

const T = {
  en: {
    pz: (host: string, user: string, time: string, lure: string) => `Patient zero is ${host}${user ? ` (user ${user})` : ''}: the first malicious execution was at ${time}${lure ? `, after the lure ${lure} was opened` : ''}.`,
    infected: (host: string, user: string, time: string, why: string) => `${host}${user ? ` (${user})` : ''} is infected from ${time}: ${why}.`,
    c2: (ep: string, hosts: string) => `Command and control: ${ep}${hosts ? `, contacted from ${hosts}` : ''}.`,
    payload: (urls: string) => `The payload was fetched from ${urls}.`,
    lateral: (from: string, to: string, time: string) => `Lateral movement from ${from} to ${to} at ${time}.`,
    spam: (host: string, n: number, time: string) => `${host} sent ${n} mail connection(s) from ${time} (spam).`,
    reach: (inf: number, total: number, clicked: number) => `Scope: ${inf} of ${total} host(s) in the case show malicious execution; ${clicked} access(es) to the lure or payload URLs were seen.`,
    finding: (title: string, sev: string, host: string, time: string) => `${title} (${sev})${host ? ` on ${host}` : ''} at ${time}.`,
    none: 'Detection found no incident in the evidence examined.',
    unknownLure: 'How the first host received the lure is not in the evidence.',
    unknownC2: 'No command-and-control endpoint was identified.',
    unknownClicked: (host: string) => `${host} accessed a lure or payload URL; whether it executed anything is not shown by the evidence.`,
    unknownUnreviewed: (n: number) => `${n} finding(s) have not been reviewed by an examiner.`,
    unknownOutside: 'Activity outside the evidence files in the case (other hosts, other logs) is not covered.',
    sev: {
      lateral: 'lateral movement between hosts',
      many: (n: number) => `${n} infected hosts`,
      c2: 'an infected host talks to a command-and-control server',
      spam: 'infected hosts send mail (spam)',
      infected: 'malicious execution on a host',
      high: 'high-severity findings without a confirmed infection',
      low: 'no malicious execution found',
    },
  },
  ja: {
    pz: (host: string, user: string, time: string, lure: string) => `最初の感染端末は ${host}${user ? `（ユーザー ${user}）` : ''}で、最初の不正な実行は ${time} です${lure ? `（おとりファイル ${lure} を開いた後）` : ''}。`,
    infected: (host: string, user: string, time: string, why: string) => `${host}${user ? `（${user}）` : ''}は ${time} から感染しています：${why}。`,
    c2: (ep: string, hosts: string) => `C2サーバー：${ep}${hosts ? `（通信元 ${hosts}）` : ''}。`,
    payload: (urls: string) => `ペイロードの取得元：${urls}。`,
    lateral: (from: string, to: string, time: string) => `${time} に ${from} から ${to} への横展開がありました。`,
    spam: (host: string, n: number, time: string) => `${host} は ${time} から ${n} 件のメール送信接続を行っています（スパム）。`,
    reach: (inf: number, total: number, clicked: number) => `影響範囲：ケース内 ${total} 台中 ${inf} 台で不正な実行を確認。おとり／ペイロードURLへのアクセスは ${clicked} 件。`,
    finding: (title: string, sev: string, host: string, time: string) => `${title}（${sev}）${host ? `：${host}` : ''}、${time}。`,
    none: '調べた証拠からはインシデントは検出されませんでした。',
    unknownLure: '最初の端末がおとりファイルをどう受け取ったかは証拠にありません。',
    unknownC2: 'C2サーバーは特定できていません。',
    unknownClicked: (host: string) => `${host} はおとり／ペイロードURLにアクセスしましたが、何かを実行したかは証拠からは分かりません。`,
    unknownUnreviewed: (n: number) => `${n} 件の検知結果が未レビューです。`,
    unknownOutside: 'ケースに含まれない端末やログでの活動は対象外です。',
    sev: {
      lateral: '端末間の横展開',
      many: (n: number) => `感染端末が ${n} 台`,
      c2: '感染端末がC2サーバーと通信',
      spam: '感染端末からのメール送信（スパム）',
      infected: '端末上での不正な実行',
      high: '感染は未確認だが重大度の高い検知あり',
      low: '不正な実行は見つかっていない',
    },
  },
};

function sourcesOf(store: CaseStore, ids: number[]): number {
  if (!ids.length) return 0;
  return Number(store.scalar(`SELECT count(DISTINCT evidence_id) FROM event_row WHERE id IN (${ids.map(Number).join(',')})`) ?? 0);
}

function idsOfUrls(store: CaseStore, urls: string[]): number[] {
  if (!urls.length) return [];
  const marks = urls.map(() => '?').join(',');
  return store.all<{ id: number }>(`SELECT id FROM event_row WHERE url IN (${marks}) ORDER BY time, id LIMIT ${CAP}`, urls).map((r) => r.id);
}

export function buildSummary(store: CaseStore, d: DetectResult, lang: AssistLang): TriageSummary {
  const t = T[lang];
  const inc = d.incident;
  const out: TriageSentence[] = [];
  const say = (text: string, ids: number[]): void => {
    const event_ids = [...new Set(ids)].slice(0, CAP);
    if (!event_ids.length) return; // a sentence no event supports is not written
    out.push({ text, event_ids, uncorroborated: sourcesOf(store, event_ids) < 2 });
  };
  const pz = inc.patient_zero;
  if (pz) say(t.pz(pz.host, pz.user ?? '', pz.time, pz.lure ?? ''), pz.event_ids);
  for (const h of inc.infected) {
    if (pz && h.host === pz.host) continue;
    say(t.infected(h.host, h.user ?? '', h.first_malicious, h.reasons.join(lang === 'ja' ? '、' : '; ')), h.steps.flatMap((s) => s.event_ids));
  }
  for (const c of inc.c2) {
    const hosts = [...new Set(inc.infected.filter((h) => h.reasons.some((r) => r.includes(c.ip))).map((h) => h.host))].join(', ');
    say(t.c2(c.port === null ? c.ip : `${c.ip}:${c.port}${c.domain ? ` (${c.domain})` : ''}`, hosts), c.event_ids ?? []);
  }
  if (inc.payload_urls.length) say(t.payload(inc.payload_urls.join(', ')), idsOfUrls(store, inc.payload_urls));
  for (const l of inc.lateral_movement) say(t.lateral(l.from, l.to, l.time), l.event_ids);
  for (const s of inc.spam) say(t.spam(s.host, s.count, s.first), s.event_ids);
  const totalHosts = Number(store.scalar("SELECT count(DISTINCT host) FROM event_row WHERE host IS NOT NULL AND host <> ''") ?? 0);
  if (inc.hosts.length || inc.clicked.length) say(t.reach(inc.hosts.length, totalHosts, inc.clicked.length), [...inc.infected.flatMap((h) => h.steps.flatMap((s) => s.event_ids)), ...inc.clicked.map((c) => c.event_id)]);
  if (!pz && !inc.infected.length) {
    const top = [...d.findings].filter((f) => f.review?.verdict !== 'dismissed').sort((a, b) => rank(b.severity) - rank(a.severity) || a.time.localeCompare(b.time)).slice(0, 5);
    for (const f of top) say(t.finding(f.title, f.severity, f.host ?? '', f.time), f.event_ids);
    if (!top.length) out.push({ text: t.none, event_ids: [], uncorroborated: false });
  }

  const unknowns: string[] = [];
  if (pz && !pz.lure) unknowns.push(t.unknownLure);
  if ((pz || inc.infected.length) && !inc.c2.length) unknowns.push(t.unknownC2);
  const infected = new Set(inc.hosts);
  for (const host of new Set(inc.clicked.map((c) => c.host).filter((h): h is string => !!h && !infected.has(h)))) unknowns.push(t.unknownClicked(host));
  const unreviewed = d.findings.filter((f) => !f.review).length;
  if (unreviewed) unknowns.push(t.unknownUnreviewed(unreviewed));
  unknowns.push(t.unknownOutside);

  const { severity, reasons } = propose(d, lang);
  return { lang, sentences: out, unknowns, severity, severity_reasons: reasons, generated_at: new Date().toISOString() };
}

function rank(s: string): number {
  return ['informational', 'low', 'medium', 'high', 'critical'].indexOf(s);
}

function propose(d: DetectResult, lang: AssistLang): { severity: TriageSeverity; reasons: string[] } {
  const s = T[lang].sev;
  const inc = d.incident;
  const reasons: string[] = [];
  if (inc.lateral_movement.length) reasons.push(s.lateral);
  if (inc.hosts.length >= 3) reasons.push(s.many(inc.hosts.length));
  if (inc.spam.length) reasons.push(s.spam);
  if (reasons.length) return { severity: 'critical', reasons: [...reasons, ...(inc.c2.length ? [s.c2] : [])] };
  if (inc.hosts.length && inc.c2.length) return { severity: 'high', reasons: [s.infected, s.c2, ...(inc.hosts.length > 1 ? [s.many(inc.hosts.length)] : [])] };
  if (inc.hosts.length) return { severity: 'high', reasons: [s.infected] };
  if (d.findings.some((f) => f.review?.verdict !== 'dismissed' && rank(f.severity) >= rank('high'))) return { severity: 'medium', reasons: [s.high] };
  return { severity: 'low', reasons: [s.low] };
}

/** Records the analyst's acceptance; the PDF's executive summary then includes it. */
export function acceptSummary(session: CaseSession, summary: TriageSummary): AcceptedSummary {
  session.requireWritable();
  const clean: TriageSummary = {
    lang: summary.lang === 'ja' ? 'ja' : 'en',
    sentences: summary.sentences.map((x) => ({ text: String(x.text), event_ids: x.event_ids.map(Number).filter(Number.isInteger), uncorroborated: !!x.uncorroborated })),
    unknowns: summary.unknowns.map(String),
    severity: (['low', 'medium', 'high', 'critical'] as const).includes(summary.severity) ? summary.severity : 'medium',
    severity_reasons: summary.severity_reasons.map(String),
    generated_at: String(summary.generated_at),
  };
  const entry = session.record('assist.summary.accepted', { summary: clean });
  return { ...clean, custody_id: entry.id, examiner: entry.examiner, accepted_at: entry.time };
}

/** The summary accepted last (from the custody log), or null. */
export function acceptedSummary(store: CaseStore): AcceptedSummary | null {
  const row = store.all<{ id: number; examiner: string; time: string; details: string }>(
    "SELECT id, examiner, time, details FROM custody_log WHERE action = 'assist.summary.accepted' ORDER BY id DESC LIMIT 1",
  )[0];
  if (!row) return null;
  const s = (JSON.parse(row.details) as { summary: TriageSummary }).summary;
  return { ...s, custody_id: row.id, examiner: row.examiner, accepted_at: row.time };
}
