// The intake feature's strings (new ones; older intake strings predate i18n).
import { registerStrings } from '../../i18n';

registerStrings({
  en: {
    'intake.cancel': 'Cancel',
    'intake.cancelLabel': 'Cancel ingesting {name}',
  },
  ja: {
    'intake.cancel': '中止',
    'intake.cancelLabel': '{name} の取り込みを中止',
  },
});
