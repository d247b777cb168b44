// i18n entry point: import from here, never from the files behind it.
export { registerStrings, translate, registeredKeys, LANGUAGES, type Lang, type Dictionary } from './strings';
export { LanguageProvider, useLang, useT, useLocaleFormat, type Translate } from './language';
