// Texts the engine writes (common/coded-text.ts), by code: the dictionaries live beside the
// engine's types (common/engine-texts/) so the Japanese report renders the same words; the UI
// registers them in its i18n under `engine.<code>`.
import { ERROR_TEXTS, STORY_TEXTS } from '../../contracts';
import { registerStrings } from '../../i18n/strings';

registerStrings({ en: STORY_TEXTS.en, ja: STORY_TEXTS.ja });
registerStrings({ en: ERROR_TEXTS.en, ja: ERROR_TEXTS.ja });
