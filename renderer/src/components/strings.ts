// Words of the shared components (buttons and dialogs used by several features).
import { registerStrings } from '../i18n';

registerStrings({
  en: {
    'common.copy': 'Copy',
    'common.copied': 'Copied',
    'common.copyFailed': 'Select & Ctrl+C',
    'common.close': 'Close',
    'common.cancel': 'Cancel',
    'common.save': 'Save',
    'common.saved': 'Saved',
    'common.edit': 'Edit',
    'common.none': 'None',
    'common.bytes': '{count} bytes',
    'common.english': 'English',
    'common.japanese': '日本語',
  },
  ja: {
    'common.copy': 'コピー',
    'common.copied': 'コピーしました',
    'common.copyFailed': '選択して Ctrl+C',
    'common.close': '閉じる',
    'common.cancel': 'キャンセル',
    'common.save': '保存',
    'common.saved': '保存しました',
    'common.edit': '編集',
    'common.none': 'なし',
    'common.bytes': '{count} バイト',
    'common.english': 'English',
    'common.japanese': '日本語',
  },
});
