// A text for people built together with its code (common/coded-text.ts), so the English and
// the code a translated UI renders cannot drift apart.
import type { CodedParam, CodedText } from '../../common/coded-text';
import type { Finding } from '../../common/detect';

export interface Said {
  text: string;
  coded: CodedText;
}

export function said(code: string, params: Record<string, CodedParam>, text: string): Said {
  return { text, coded: { code, params } };
}

/** The English texts of a list (the contract's `reasons`) and, beside it, their codes. */
export function spoken(list: readonly Said[]): { reasons: string[]; reason_codes: CodedText[] } {
  return { reasons: list.map((s) => s.text), reason_codes: list.map((s) => s.coded) };
}

/**
 * A finding's title as a parameter: its code when the engine wrote it (beacon, indicator, web
 * attack), else the title itself (a Sigma rule's title is the rule author's words).
 */
export function titleParam(f: Pick<Finding, 'title' | 'title_code'>): CodedParam {
  return f.title_code ?? f.title;
}

/**
 * The codes of texts that travel as plain strings (the story passes reasons from findings to
 * contacts to hosts): each text is recorded with its code where it is written, and looked up
 * where it leaves the engine. The English is a function of code and parameters, so one text has
 * one code. A text written without one (a rule's own words) comes out as the `text` code.
 */
export class Phrasebook {
  private readonly known = new Map<string, CodedText>();

  say(code: string, params: Record<string, CodedParam>, text: string): string {
    this.known.set(text, { code, params });
    return text;
  }

  /** Texts written elsewhere with their codes (a finding's reasons and title). */
  learn(texts: readonly string[], codes: readonly CodedText[] | undefined): void {
    if (!codes) return;
    texts.forEach((t, i) => codes[i] && this.known.set(t, codes[i]));
  }

  /** The code of a text, or the text itself as a parameter (a finding title from a Sigma rule). */
  param(text: string): CodedParam {
    return this.known.get(text) ?? text;
  }

  codes(texts: readonly string[]): CodedText[] {
    return texts.map((t) => this.known.get(t) ?? { code: 'text', params: { text: t } });
  }
}

// The story is assembled by one synchronous call over several files; rather than hand a book
// through every helper, the call installs one for its duration and the helpers `say` into it.
let active: Phrasebook | null = null;

export function withPhrasebook<T>(book: Phrasebook, run: () => T): T {
  const previous = active;
  active = book;
  try {
    return run();
  } finally {
    active = previous;
  }
}

/** Returns `text`, recording its code in the book of the story being assembled (if any). */
export function say(code: string, params: Record<string, CodedParam>, text: string): string {
  return active ? active.say(code, params, text) : text;
}

/** A finding title or reason as a parameter, coded when the active book knows it. */
export function asParam(text: string): CodedParam {
  return active ? active.param(text) : text;
}

/** Up to a few items as one parameter, joined the reader's way. */
export function listParam(items: readonly CodedParam[]): CodedText {
  return { code: 'list', params: Object.fromEntries(items.map((x, i) => [String(i), x])) };
}
