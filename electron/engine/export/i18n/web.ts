// The report's words for the web-attack section (pdf/sections/web.ts), kept apart from the main
// catalogue so the web story can grow without touching it.
import type { ReportLanguage } from '../types';

const en = {
  heading: 'Web attacks',
  intro: (attackers: number, successes: number, shells: number) =>
    `${attackers} client address${attackers === 1 ? '' : 'es'} attacked the web server; ${successes} attack${successes === 1 ? '' : 's'} look successful; ${shells} web shell${shells === 1 ? '' : 's'}.`,
  attackers: 'Attackers',
  successes: 'Successful attacks (time order)',
  shells: 'Web shells and the commands sent to them (URL-decoded)',
  noSuccess: 'No request looks successful: statuses and response sizes are as usual for those URLs.',
  col: { ip: 'Client', period: 'First – last', requests: 'Requests', techniques: 'Techniques', successes: 'Successes', time: 'Time (UTC)', technique: 'Technique', url: 'Request as logged', status: 'Status', bytes: 'Bytes', why: 'Why', path: 'Script', firstSeen: 'First used', users: 'Used from', commands: 'Commands' },
  technique: { scanner: 'scanner', sqli: 'SQL injection', traversal: 'path traversal', cmdi: 'command injection', xss: 'cross-site scripting', upload: 'file upload', webshell: 'web shell' } as Record<string, string>,
  /** The workbook's web sheet (xlsx/web-sheet.ts): its name, what each row is, the extra columns. */
  sheet: { name: 'Web attacks', row: 'Row', attacker: 'attacker', success: 'success', shell: 'web shell', command: 'command', first: 'First (UTC)', last: 'Last (UTC)', detail: 'Reason / command / tools', events: 'Event ids' },
};

export type WebMessages = typeof en;

const ja: WebMessages = {
  heading: 'Web 攻撃',
  intro: (attackers, successes, shells) => `${attackers} 件の送信元アドレスが Web サーバーを攻撃しました。成功とみられる攻撃は ${successes} 件、Web シェルは ${shells} 件です。`,
  attackers: '攻撃元',
  successes: '成功した攻撃 (時刻順)',
  shells: 'Web シェルと送られたコマンド (URL デコード済み)',
  noSuccess: '成功したとみられるリクエストはありません。ステータスも応答サイズも各 URL の通常どおりです。',
  col: { ip: '送信元', period: '最初 – 最後', requests: 'リクエスト数', techniques: '手口', successes: '成功数', time: '日時 (UTC)', technique: '手口', url: 'ログ上のリクエスト', status: 'ステータス', bytes: 'バイト数', why: '判断理由', path: 'スクリプト', firstSeen: '初回使用', users: '使用元', commands: 'コマンド' },
  technique: { scanner: 'スキャン', sqli: 'SQL インジェクション', traversal: 'パストラバーサル', cmdi: 'コマンドインジェクション', xss: 'クロスサイトスクリプティング', upload: 'ファイルアップロード', webshell: 'Web シェル' },
  sheet: { name: 'Web 攻撃', row: '行の種類', attacker: '攻撃元', success: '成功', shell: 'Web シェル', command: 'コマンド', first: '最初 (UTC)', last: '最後 (UTC)', detail: '判断理由・コマンド・ツール', events: 'イベント ID' },
};

export function webMessages(language: ReportLanguage): WebMessages {
  return language === 'ja' ? ja : en;
}
