// Tracelight's proposed severity: the criteria of the standard measured on the detection story,
// then the first level (most severe first) whose conditions they meet, with the reasons in the
// examiner's language. The examiner decides; the proposal in force when they did is kept with
// their decision (incident.severity.set).
import type { DetectResult, Severity } from '../../common/detect';
import type { CriterionName, IncidentLang, SeverityCriteria, SeverityProposal } from '../../common/incident';
import type { Condition, SeverityStandard } from './standard';
import { webStory } from './web-story';

/** ATT&CK exfiltration techniques: a finding mapped to one means data was (likely) taken. */
const EXFILTRATION = /^T(1041|1048|1567|1020|1030|1537|1052|1011|1029)(\.|$)/;
/** Exploit Public-Facing Application. */
const PUBLIC_EXPLOIT = /^T1190(\.|$)/;

interface Measured {
  criteria: SeverityCriteria;
  /** What each count is made of, for the reasons. */
  detail: Record<CriterionName, string[]>;
}

export function measureCriteria(detection: DetectResult, standard: SeverityStandard): Measured {
  const i = detection.incident;
  const live = detection.findings.filter((f) => f.review?.verdict !== 'dismissed');
  const web = webStory(i);
  const users = new Set<string>();
  for (const h of i.infected) if (h.user) users.add(h.user);
  if (i.patient_zero?.user) users.add(i.patient_zero.user);
  for (const c of i.clicked) if (c.user) users.add(c.user);
  for (const f of live) if (f.user && f.host && i.hosts.includes(f.host)) users.add(f.user);
  const privileged = [...users].filter((u) => standard.privileged.some((re) => re.test(u))).sort();
  const exfil = live.filter((f) => f.attack.some((t) => EXFILTRATION.test(t)));
  const exploit = live.filter((f) => f.attack.some((t) => PUBLIC_EXPLOIT.test(t)));
  const publicFacing = [
    ...web.webshells.map((w) => w.path),
    ...new Set(web.successes.map((s) => s.url)),
    ...exploit.map((f) => f.title),
  ];
  const phishing = i.clicked.map((c) => `${c.user ?? c.host ?? c.src_ip ?? '?'} ${c.url}`);
  const detail: Record<CriterionName, string[]> = {
    active_c2: i.c2.map((c) => (c.port === null ? c.ip : `${c.ip}:${c.port}`)),
    infected_hosts: [...i.hosts],
    lateral_movement: i.lateral_movement.map((l) => `${l.from} → ${l.to}`),
    privileged_accounts: privileged,
    data_taken: exfil.map((f) => f.title),
    public_facing_compromised: publicFacing,
    phishing_access: phishing,
  };
  const criteria = Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, v.length])) as unknown as SeverityCriteria;
  return { criteria, detail };
}

function met(c: Condition, criteria: SeverityCriteria): boolean {
  return 'all' in c ? c.all.every((x) => met(x, criteria)) : criteria[c.criterion] >= c.min;
}

function leaves(c: Condition): { criterion: CriterionName; min: number }[] {
  return 'all' in c ? c.all.flatMap(leaves) : [c];
}

const LABEL: Record<IncidentLang, Record<CriterionName, string>> = {
  en: {
    active_c2: 'active C2',
    infected_hosts: 'infected hosts',
    lateral_movement: 'lateral movement',
    privileged_accounts: 'privileged accounts involved',
    data_taken: 'data taken (exfiltration technique)',
    public_facing_compromised: 'public-facing server compromised',
    phishing_access: 'phishing or payload URL accessed',
  },
  ja: {
    active_c2: 'C2通信あり',
    infected_hosts: '感染端末',
    lateral_movement: '横展開',
    privileged_accounts: '特権アカウントの関与',
    data_taken: '情報持ち出し（窃取の手法）',
    public_facing_compromised: '公開サーバーの侵害',
    phishing_access: 'フィッシング／ペイロードURLへのアクセス',
  },
};

function reason(lang: IncidentLang, criterion: CriterionName, min: number, values: string[]): string {
  const shown = values.slice(0, 5).join(', ') + (values.length > 5 ? (lang === 'ja' ? ` ほか${values.length - 5}件` : ` and ${values.length - 5} more`) : '');
  const threshold = min > 1 ? (lang === 'ja' ? `（基準 ${min}以上）` : ` (threshold ${min})`) : '';
  return lang === 'ja'
    ? `${LABEL.ja[criterion]}: ${values.length}件${threshold} — ${shown}`
    : `${LABEL.en[criterion]}: ${values.length}${threshold} — ${shown}`;
}

export function proposeSeverity(detection: DetectResult | null, standard: SeverityStandard, lang: IncidentLang = 'en'): SeverityProposal {
  const empty: SeverityCriteria = { active_c2: 0, infected_hosts: 0, lateral_movement: 0, privileged_accounts: 0, data_taken: 0, public_facing_compromised: 0, phishing_access: 0 };
  const lowest = standard.levels.at(-1)!.id;
  if (!detection) {
    return { level: lowest, reasons: [lang === 'ja' ? '検知を実行していないため、根拠となる証拠がありません' : 'detection has not been run: no evidence to judge from'], criteria: empty };
  }
  const { criteria, detail } = measureCriteria(detection, standard);
  for (const level of standard.levels) {
    const hit = level.when.filter((c) => met(c, criteria));
    if (level.when.length > 0 && hit.length === 0) continue;
    if (level.when.length === 0 && level !== standard.levels.at(-1)) continue;
    const reasons = hit.flatMap((c) => leaves(c).map((l) => reason(lang, l.criterion, l.min, detail[l.criterion])));
    if (!reasons.length) {
      reasons.push(lang === 'ja' ? 'より高いレベルの基準に該当する証拠はありません' : 'no criterion of a higher level is met by the evidence');
    }
    return { level: level.id as Severity, reasons: [...new Set(reasons)], criteria };
  }
  return { level: lowest, reasons: [lang === 'ja' ? 'どのレベルの基準にも該当しません' : 'no level of the standard matches'], criteria };
}
