// Engine texts that travel as codes (common/coded-text.ts), rendered in the report's language.
// The English report prints the engine's English as written; the Japanese one renders the codes
// below and keeps the English when a code (or a nested one) is not here, so nothing is blank or
// half-translated. The Japanese wording is the UI's (renderer/src/features/engine-text/strings.ts);
// a unit test checks the two dictionaries agree key by key.
import type { CodedParam, CodedText } from '../../../common/coded-text';
import type { ReportLanguage } from '../types';

const TECHNIQUES: Record<string, string> = {
  scanner: 'スキャン',
  sqli: 'SQL インジェクション',
  traversal: 'パストラバーサル',
  cmdi: 'コマンドインジェクション',
  xss: 'XSS',
  upload: 'ファイルアップロード',
  webshell: 'Web シェル',
};

/** The web-attack story's texts (detect/web/): why a request counts as a success, the finding. */
export const CODED_JA: Readonly<Record<string, string>> = {
  'finding.web': '{ip} からの Web 攻撃: {techniques}',
  'web.requests': '{first} から {last} までに {n} 件のリクエスト。手法: {techniques}',
  'web.tool': 'User-Agent に攻撃ツール: {tools}',
  'web.firstSuccess': '最初の成功: {technique} {url}({why})',
  'web.noSuccess': '成功したとみられるリクエストはない',
  'web.success.size': '{status}、{bytes} バイト(このパスへの通常のリクエストは {lo}〜{hi} バイト)',
  'web.success.attempts': '{status}、{bytes} バイト(このパスへの他の試行は約 {m} バイト)',
  'web.success.command': '{status}: スクリプト経由でコマンド {command} を実行',
  'web.success.post': '{status}: アップロード用フォルダー内のスクリプトへの POST',
  'web.success.upload': 'アップロードの後に {path} へのリクエスト',
  'web.shell': 'Web シェル {path}',
  'web.shellCommands': 'Web シェル {path}: {commands}',
  ...Object.fromEntries(Object.entries(TECHNIQUES).map(([k, v]) => [`web.technique.${k}`, v])),
};

const SEPARATORS: Record<string, string> = { list: '、', listSemi: '、' };

function render(c: CodedText): string | null {
  const params = c.params ?? {};
  if (c.code === 'text') return typeof params.text === 'string' ? params.text : null;
  const parts: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = renderParam(value);
    if (text === null) return null;
    parts[name] = text;
  }
  const separator = SEPARATORS[c.code];
  if (separator !== undefined) return Object.values(parts).join(separator);
  const template = CODED_JA[c.code];
  if (template === undefined) return null;
  // Values from the evidence are inserted once, as text; a "{x}" inside one is not a placeholder.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => parts[name] ?? whole);
}

function renderParam(value: CodedParam): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return render(value);
}

/** `english` in the report's language: the code rendered for Japanese when known, else the English. */
export function reportText(language: ReportLanguage, coded: CodedText | undefined | null, english: string): string {
  if (language !== 'ja' || !coded) return english;
  return render(coded) ?? english;
}
