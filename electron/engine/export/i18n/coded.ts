// Engine texts that travel as codes (common/coded-text.ts), rendered in the report's language.
// The English report prints the engine's English as written; the Japanese one renders the code
// from the same dictionaries the UI uses (common/engine-texts/), so the report and the window say
// the same thing, and keeps the English when a code (or a nested one) is unknown, so nothing is
// blank or half-translated. Values from the evidence are inserted once, as text.
import type { CodedParam, CodedText } from '../../../common/coded-text';
import { ERROR_TEXTS } from '../../../common/engine-texts/errors';
import { STORY_TEXTS } from '../../../common/engine-texts/story';
import type { ReportLanguage } from '../types';

const JA: Readonly<Record<string, string>> = { ...STORY_TEXTS.ja, ...ERROR_TEXTS.ja };

function render(c: CodedText): string | null {
  const params = c.params ?? {};
  if (c.code === 'text') return typeof params.text === 'string' ? params.text : null;
  const parts: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const text = renderParam(value);
    if (text === null) return null;
    parts[name] = text;
  }
  if (c.code === 'list') return Object.values(parts).join(JA['engine.list.sep']);
  if (c.code === 'listSemi') return Object.values(parts).join(JA['engine.list.semi']);
  const template = JA[`engine.${c.code}`];
  if (template === undefined) return null;
  // One pass: a "{x}" inside a value from the evidence is not a placeholder.
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
