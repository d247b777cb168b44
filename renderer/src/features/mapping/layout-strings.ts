// Words of the column-mapping dialog that describe how the file is read (its layout) and why a
// mapping cannot be used yet; kept apart from strings.ts, which holds the dialog's labels.
import { registerStrings } from '../../i18n';

registerStrings({
  en: {
    'mapping.layout.csv': '{delimiter}-separated, {header}',
    'mapping.layout.csvSkipped': '{delimiter}-separated, {header}, {count} line(s) above the table skipped',
    'mapping.layout.tab': 'tab',
    'mapping.layout.comma': 'comma',
    'mapping.layout.other': '"{delimiter}"',
    'mapping.layout.header': 'header row',
    'mapping.layout.noHeader': 'no header row',
    'mapping.layout.jsonl': 'one JSON object per line',
    'mapping.layout.json': 'JSON document',
    'mapping.layout.jsonKey': 'JSON document (records in "{key}")',
    'mapping.layout.encoding': '{kind}; {encoding}',
    'mapping.problem.clockNeedsDate': 'A time-of-day column needs a date column.',
    'mapping.problem.chooseTime': 'Choose the column that holds the time (or a date column).',
    'mapping.ingestFailed': 'ingest failed',
  },
  ja: {
    'mapping.layout.csv': '{delimiter}区切り、{header}',
    'mapping.layout.csvSkipped': '{delimiter}区切り、{header}、表の前の {count} 行を読み飛ばし',
    'mapping.layout.tab': 'タブ',
    'mapping.layout.comma': 'カンマ',
    'mapping.layout.other': '「{delimiter}」',
    'mapping.layout.header': '見出し行あり',
    'mapping.layout.noHeader': '見出し行なし',
    'mapping.layout.jsonl': '1 行に 1 つの JSON オブジェクト',
    'mapping.layout.json': 'JSON ドキュメント',
    'mapping.layout.jsonKey': 'JSON ドキュメント(レコードは「{key}」の中)',
    'mapping.layout.encoding': '{kind}、文字コード {encoding}',
    'mapping.problem.clockNeedsDate': '時刻(時:分:秒)の列には日付の列が必要です。',
    'mapping.problem.chooseTime': '時刻を保持する列(または日付の列)を選んでください。',
    'mapping.ingestFailed': '取り込みに失敗しました',
  },
});
