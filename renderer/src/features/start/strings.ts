// Words of the start screen's drop zone and the new-case question.
import { registerStrings } from '../../i18n';

registerStrings({
  en: {
    'start.dropTitle': 'Start from evidence',
    'start.dropHelp':
      'Drop log files or a whole folder anywhere on this window. A new case opens, named from today’s date; indicator lists (IOC text, C2 CSV feeds, STIX, MISP) among them become the case’s IOC files.',
    'start.openFolder': 'Open a folder…',
    'start.openFiles': 'Open files…',
    'start.dropNow': 'Drop to open a new case',
    'start.dropNowHelp': 'Files and folders are hashed and ingested; originals are never modified.',
    'start.title': 'New case from dropped evidence',
    'start.files': '{count} files, {size}',
    'start.moreFiles': '… and {count} more',
    'start.zone': 'Time zone for timestamps that carry none',
    'start.zoneHelp': 'Asked once for this case; each file can still be given its own zone later.',
    'start.create': 'Open case and ingest',
  },
  ja: {
    'start.dropTitle': '証拠から始める',
    'start.dropHelp':
      'ログファイルやフォルダーをこのウィンドウのどこかにドロップしてください。今日の日付を名前にした新しい事案が開きます。含まれる指標リスト（IOC テキスト、C2 の CSV フィード、STIX、MISP）は事案の IOC ファイルになります。',
    'start.openFolder': 'フォルダーを開く…',
    'start.openFiles': 'ファイルを開く…',
    'start.dropNow': 'ドロップして新しい事案を開く',
    'start.dropNowHelp': 'ファイルとフォルダーはハッシュ値を計算してから取り込みます。原本は変更しません。',
    'start.title': 'ドロップした証拠で新しい事案を作成',
    'start.files': '{count} ファイル、{size}',
    'start.moreFiles': '… ほか {count} ファイル',
    'start.zone': 'タイムゾーン（時刻にゾーンがない場合に適用）',
    'start.zoneHelp': 'この事案で一度だけ確認します。ファイルごとのゾーンは後からも指定できます。',
    'start.create': '事案を開いて取り込む',
  },
});
