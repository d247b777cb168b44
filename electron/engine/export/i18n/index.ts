// The report's message catalogue, chosen at export (`--lang en|ja`).
import type { ReportLanguage } from '../types';
import { en, type Messages } from './en';
import { ja } from './ja';

export type { Messages };

export function messages(language: ReportLanguage): Messages {
  return language === 'ja' ? ja : en;
}
