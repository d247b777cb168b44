// The monthly report's words in English and Japanese (PDF and XLSX share them).
import type { IncidentLang, IncidentType } from '../../../common/incident';

export interface MonthlyStrings {
  title: (month: string) => string;
  generated: string;
  folder: string;
  summary: string;
  cases: string;
  infectedHosts: string;
  phishingAccess: string;
  ttd: string;
  ttc: string;
  ttclose: string;
  mean: string;
  worst: string;
  hoursUnit: string;
  notMeasured: string;
  byType: string;
  bySeverity: string;
  byPhase: string;
  durationsChart: string;
  caseList: string;
  topIndicators: string;
  unreadable: string;
  none: string;
  col: Record<'case' | 'type' | 'severity' | 'phase' | 'started' | 'opened' | 'contained' | 'closed' | 'hosts' | 'attackers' | 'host' | 'user' | 'url' | 'time' | 'indicator' | 'count' | 'measure' | 'value' | 'reason', string>;
  types: Record<IncidentType, string>;
  severities: Record<string, string>;
  phases: Record<string, string>;
  sheets: { summary: string; cases: string; phishing: string; indicators: string };
  definitions: string;
}

const en: MonthlyStrings = {
  title: (m) => `Monthly incident report ${m}`,
  generated: 'Generated',
  folder: 'Cases folder',
  summary: 'Summary',
  cases: 'Incidents',
  infectedHosts: 'Infected hosts',
  phishingAccess: 'Phishing URL accesses',
  ttd: 'Time to detect',
  ttc: 'Time to contain',
  ttclose: 'Time to close',
  mean: 'mean',
  worst: 'worst',
  hoursUnit: 'h',
  notMeasured: 'not measured',
  byType: 'Incidents by type',
  bySeverity: 'Incidents by severity',
  byPhase: 'Incidents by phase',
  durationsChart: 'Hours per incident (detect / contain / close)',
  caseList: 'Incidents',
  topIndicators: 'Top indicators (cases they appear in)',
  unreadable: 'Cases that could not be read',
  none: 'none',
  col: { case: 'Case', type: 'Type', severity: 'Severity', phase: 'Phase', started: 'First sign', opened: 'Opened', contained: 'Contained', closed: 'Closed', hosts: 'Infected hosts', attackers: 'Attackers / C2', host: 'Host', user: 'User', url: 'URL', time: 'Time (UTC)', indicator: 'Indicator', count: 'Cases', measure: 'Measure', value: 'Value', reason: 'Reason' },
  types: { emotet: 'Emotet-style infection', 'web-attack': 'Web attack', 'phishing-access': 'Phishing access', other: 'Other' },
  severities: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', informational: 'Informational', unset: 'Not set' },
  phases: { detection: 'Detection', analysis: 'Analysis', containment: 'Containment', eradication: 'Eradication', recovery: 'Recovery', 'post-incident': 'Post-incident', closed: 'Closed' },
  sheets: { summary: 'Summary', cases: 'Incidents', phishing: 'Phishing accesses', indicators: 'Top indicators' },
  definitions:
    'Time to detect: first sign in the evidence to the case being opened. Time to contain: case opened to the containment phase first reached. Time to close: case opened to closed. An incident belongs to the month of its first sign (else of its opening), in the case time zone. Severity is the one the examiner set.',
};

const ja: MonthlyStrings = {
  title: (m) => `月次インシデント報告 ${m.replace(/^(\d{4})-(\d{2})$/, (_s, y: string, mo: string) => `${y}年${Number(mo)}月`)}`,
  generated: '作成日時',
  folder: '事案フォルダ',
  summary: '概要',
  cases: 'インシデント件数',
  infectedHosts: '感染端末数',
  phishingAccess: 'フィッシングURLへのアクセス',
  ttd: '検知までの時間',
  ttc: '封じ込めまでの時間',
  ttclose: '終結までの時間',
  mean: '平均',
  worst: '最長',
  hoursUnit: '時間',
  notMeasured: '計測なし',
  byType: '種別ごとの件数',
  bySeverity: '重大度ごとの件数',
  byPhase: 'フェーズごとの件数',
  durationsChart: 'インシデントごとの所要時間（検知／封じ込め／終結、時間）',
  caseList: 'インシデント一覧',
  topIndicators: '多く見られた指標（該当事案数）',
  unreadable: '読み込めなかった事案',
  none: 'なし',
  col: { case: '事案', type: '種別', severity: '重大度', phase: 'フェーズ', started: '最初の兆候', opened: '受付', contained: '封じ込め', closed: '終結', hosts: '感染端末', attackers: '攻撃元・C2', host: '端末', user: 'ユーザー', url: 'URL', time: '日時（UTC）', indicator: '指標', count: '事案数', measure: '項目', value: '値', reason: '理由' },
  types: { emotet: 'Emotet型感染', 'web-attack': 'Web攻撃', 'phishing-access': 'フィッシングサイトへのアクセス', other: 'その他' },
  severities: { critical: '緊急', high: '高', medium: '中', low: '低', informational: '情報', unset: '未設定' },
  phases: { detection: '検知', analysis: '分析', containment: '封じ込め', eradication: '根絶', recovery: '復旧', 'post-incident': '事後対応', closed: '終結' },
  sheets: { summary: '概要', cases: 'インシデント一覧', phishing: 'フィッシングアクセス', indicators: '主な指標' },
  definitions:
    '検知までの時間：証拠上の最初の兆候から事案の受付まで。封じ込めまでの時間：受付から封じ込めフェーズに最初に入るまで。終結までの時間：受付から終結まで。各インシデントは最初の兆候（なければ受付）の月に、事案のタイムゾーンで計上します。重大度は担当者が設定したものです。',
};

export function monthlyStrings(lang: IncidentLang): MonthlyStrings {
  return lang === 'ja' ? ja : en;
}

export function fmtHours(h: number | null, s: MonthlyStrings): string {
  return h === null ? s.notMeasured : `${h.toFixed(1)} ${s.hoursUnit}`;
}
