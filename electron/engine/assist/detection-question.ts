// Questions whose answer is a conclusion of detection, not a field of the events: which hosts
// are infected, patient zero, the C2, who opened the phishing link, lateral movement, spam,
// the findings. They are answered with SQL over the detection tables of the snapshot
// (detection-tables.ts), shown and guarded like any other statement, optionally narrowed to
// hosts of the case the question names.
import type { AssistLang } from '../../common/assist';
import { tokenize } from './tokenize';
import type { Vocabulary } from './vocabulary';

export type DetectionKind = 'patient_zero' | 'hosts' | 'c2' | 'c2_contacts' | 'url_access' | 'urls' | 'lateral' | 'spam' | 'findings';

export interface DetectionPlan {
  kind: DetectionKind;
  count: boolean;
  /** URL kinds for url_access / urls: phishing, payload (both when the question says "malicious"). */
  urlKinds: string[];
  hosts: string[];
  severities: string[];
}

const PATIENT_ZERO =
  /patient[ -]?zero|ground zero|index (?:case|host)|(?:source|origin) of (?:the )?infection|infection (?:source|origin)|感染源|感染元|first (?:infected|compromised|victim)|(?:infected|compromised|hit) first|first (?:host|machine|computer|device|endpoint|pc|workstation|user)s? (?:to be |that was |that got |to get |was |got )?(?:infected|compromised)|earliest (?:infected|compromised|infection)|患者ゼロ|初期感染|(?:最初|一番最初|いちばん最初|初め|はじめ|最も早く)(?:に|の)?(?:感染|侵害)|初めて感染|はじめて感染|初感染|最初の被害/;
const LATERAL = /lateral|横展開|水平展開|ラテラル|横移動|横方向/;
const SPAM = /\bspam|スパム|迷惑メール/;
const C2 = /\bc2\b|\bc&c\b|\bcnc\b|command[- ]and[- ]control|指令サーバ|ビーコン|\bbeacon/;
const PHISHING = /phish|\blures?\b|フィッシング|ルアー|おとり|囮/;
const PAYLOAD = /payload|ペイロード|マルウェア(?:の)?(?:配布|ダウンロード)/;
const MALICIOUS_URL = /malicious (?:urls?|links?|sites?|websites?|domains?)|(?:悪性|不正|悪意のある)(?:な)?(?:url|リンク|サイト)/;
const INFECTED = /infect|compromis|\bvictims?\b|\bpwned\b|感染|侵害|被害|乗っ取/;
const FINDINGS = /\bfindings?\b|\bdetections?\b|\bdetected\b|検知|検出/;
const ACCESS = /\bwho\b|\bwhom\b|\bwhich (?:hosts?|users?|machines?|computers?|pcs?|devices?|endpoints?|clients?)\b|\baccess|\bvisit|\bclick|\bopen|\bdownload|\bfetch|\bbrows|誰|だれ|どの(?:端末|ホスト|ユーザ|pc|マシン)|アクセス|開いた|クリック|ダウンロード|閲覧|踏んだ/;
const CONTACT = /\bwho\b|\bwhich (?:hosts?|machines?|computers?|pcs?|devices?|endpoints?)\b|\btalk|\bcommunicat|\bconnect|\bcontact|\bbeacon(?:ed|ing)|誰|だれ|どの(?:端末|ホスト|pc|マシン)|通信|接続/;
// The question asks for hosts or people (then: which of them reached the C2 / fetched the URL).
const HOSTWORD = /\bwho\b|\bwhom\b|\bhosts?\b|\bmachines?\b|\bcomputers?\b|\bpcs?\b|\bdevices?\b|\bendpoints?\b|\bclients?\b|\busers?\b|誰|だれ|端末|ホスト|マシン|デバイス|ユーザ/;
const URLWORD = /\burls?\b|\blinks?\b|\bsites?\b|\baddress(?:es)?\b|url|リンク|サイト|アドレス/;
const COUNT = /how many|number of|\bcount\b|何台|何件|何人|いくつ|何個|の数|数は/;
const SEVERITY: [RegExp, string[]][] = [
  [/critical|重大|緊急/, ['critical']],
  [/\bhigh\b|高(?:い|リスク|危険)|重要度(?:が)?高/, ['high', 'critical']],
];

/** Reads a question about detection's conclusions; null when it is a question about events. */
export function readDetectionQuestion(question: string, vocab: Vocabulary): DetectionPlan | null {
  const q = question.normalize('NFKC').toLowerCase();
  const hosts = [...new Set(tokenize(q, vocab).flatMap((t) => (t.kind === 'value' ? t.entries.filter((e) => e.field === 'host').map((e) => e.value) : [])))];
  const base = { count: COUNT.test(q), urlKinds: [] as string[], hosts, severities: [] as string[] };
  if (PATIENT_ZERO.test(q) || (INFECTED.test(q) && /\bfirst\b|最初|初め|はじめ/.test(q))) return { ...base, kind: 'patient_zero', hosts: [] };
  if (LATERAL.test(q)) return { ...base, kind: 'lateral' };
  if (SPAM.test(q)) return { ...base, kind: 'spam' };
  if (C2.test(q)) return { ...base, kind: HOSTWORD.test(q) && CONTACT.test(q) ? 'c2_contacts' : 'c2' };
  const urlKinds = PHISHING.test(q) ? ['phishing'] : PAYLOAD.test(q) ? ['payload'] : MALICIOUS_URL.test(q) ? ['phishing', 'payload'] : [];
  if (urlKinds.length) return { ...base, urlKinds, kind: HOSTWORD.test(q) || (ACCESS.test(q) && !URLWORD.test(q)) ? 'url_access' : 'urls' };
  if (INFECTED.test(q)) return { ...base, kind: 'hosts' };
  if (FINDINGS.test(q)) return { ...base, kind: 'findings', severities: SEVERITY.find(([re]) => re.test(q))?.[1] ?? [] };
  return null;
}

const lit = (v: string): string => `'${v.replace(/'/g, "''")}'`;
const inList = (col: string, values: string[]): string => (values.length === 1 ? `${col} = ${lit(values[0]!)}` : `${col} IN (${values.map(lit).join(', ')})`);
const where = (parts: string[]): string => (parts.length ? `\nWHERE ${parts.join('\n  AND ')}` : '');

export function detectionSql(p: DetectionPlan): string {
  const hostIs = p.hosts.length ? [inList('host', p.hosts)] : [];
  switch (p.kind) {
    case 'patient_zero':
      return 'SELECT host, user, time, lure, lure_time, reason, event_ids\nFROM detection_patient_zero';
    case 'hosts':
      if (p.count) return `SELECT count(*) AS infected_hosts, group_concat(event_ids) AS event_ids\nFROM detection_host${where(hostIs)}`;
      return `SELECT host, user, first_malicious, patient_zero, reasons, event_ids\nFROM detection_host${where(hostIs)}\nORDER BY first_malicious, host`;
    case 'c2':
      if (p.count) return 'SELECT count(*) AS c2_endpoints, group_concat(event_ids) AS event_ids\nFROM detection_c2';
      return 'SELECT ip, port, domain, reasons, event_ids\nFROM detection_c2\nORDER BY ip, port';
    case 'c2_contacts':
      // The hosts whose events reach a C2 endpoint (its address and port, or its domain).
      return (
        'SELECT host, count(*) AS events, min(time) AS first_seen, max(time) AS last_seen, group_concat(CASE WHEN rn <= 20 THEN id END) AS event_ids\n' +
        'FROM (SELECT id, time, host, row_number() OVER (PARTITION BY host ORDER BY time, id) AS rn\n' +
        '      FROM events e\n' +
        "      WHERE host IS NOT NULL AND host <> ''\n" +
        '        AND EXISTS (SELECT 1 FROM detection_c2 c WHERE (c.ip = e.dst_ip AND (c.port IS NULL OR c.port = e.dst_port)) OR c.domain = e.domain)' +
        (p.hosts.length ? `\n        AND ${inList('host', p.hosts)}` : '') +
        ')\nGROUP BY host\nORDER BY first_seen, host'
      );
    case 'url_access': {
      const parts = [inList('kind', p.urlKinds), ...hostIs];
      if (p.count) return `SELECT count(DISTINCT coalesce(host, src_ip)) AS hosts, count(*) AS accesses, group_concat(event_ids) AS event_ids\nFROM detection_access${where(parts)}`;
      return `SELECT host, user, src_ip, count(*) AS accesses, min(time) AS first_seen, group_concat(event_ids) AS event_ids\nFROM detection_access${where(parts)}\nGROUP BY host, user, src_ip\nORDER BY first_seen, host`;
    }
    case 'urls':
      return `SELECT u.url, u.kind, (SELECT group_concat(a.event_ids) FROM detection_access a WHERE a.url = u.url) AS event_ids\nFROM detection_url u${where([inList('u.kind', p.urlKinds)])}\nORDER BY u.kind, u.url`;
    case 'lateral':
      if (p.count) return 'SELECT count(*) AS movements, group_concat(event_ids) AS event_ids\nFROM detection_lateral';
      return 'SELECT from_host, to_host, time, event_ids\nFROM detection_lateral\nORDER BY time';
    case 'spam':
      return 'SELECT host, messages, first_seen, event_ids\nFROM detection_spam\nORDER BY first_seen';
    case 'findings': {
      const parts = [...hostIs, ...(p.severities.length ? [inList('severity', p.severities)] : []), "coalesce(review, '') <> 'dismissed'"];
      if (p.count) return `SELECT count(*) AS findings, group_concat(event_ids) AS event_ids\nFROM detection_finding${where(parts)}`;
      return `SELECT time, severity, title, host, src_ip, user, rule, review, event_ids\nFROM detection_finding${where(parts)}\nORDER BY time, title`;
    }
  }
}

const WHAT: Record<DetectionKind, [string, string]> = {
  patient_zero: ['patient zero (the first infected host) from the detection results', '検知結果の最初の感染端末（患者ゼロ）'],
  hosts: ['infected hosts from the detection results', '検知結果の感染端末'],
  c2: ['command-and-control endpoints from the detection results', '検知結果のC2（指令）サーバー'],
  c2_contacts: ['hosts whose events reach a C2 endpoint of the detection results', '検知結果のC2サーバーと通信した端末'],
  url_access: ['who accessed the URLs detection classed as', '検知結果の分類でアクセスされたURLとその端末'],
  urls: ['URLs detection classed as', '検知結果の分類によるURL'],
  lateral: ['lateral movement from the detection results', '検知結果の横展開'],
  spam: ['spam sent, from the detection results', '検知結果のスパム送信'],
  findings: ['detection findings (dismissed ones left out)', '検知結果（却下されたものを除く）'],
};

/** The why line of a detection answer. */
export function explainDetection(p: DetectionPlan, lang: AssistLang): string {
  const ja = lang === 'ja';
  const kinds = p.urlKinds.map((k) => (ja ? (k === 'phishing' ? 'フィッシング' : 'ペイロード配布') : k));
  const parts = [ja && kinds.length ? `${WHAT[p.kind][1]}: ${kinds.join('・')}` : WHAT[p.kind][ja ? 1 : 0] + (kinds.length ? ` ${kinds.join(' or ')}` : '')];
  if (p.hosts.length) parts.push(`host = ${p.hosts.join(ja ? ' または ' : ' or ')}`);
  if (p.severities.length) parts.push(`severity = ${p.severities.join(ja ? ' または ' : ' or ')}`);
  if (p.count) parts.push(ja ? '件数' : 'count');
  return parts.join(ja ? '、' : ', ');
}
