// Lines of text set in two fonts (Latin runs in DejaVu Sans, the rest in IPA Gothic), broken by
// measuring each piece in the font that draws it. pdfkit's own wrapping measures a run in one
// font and, across a change of font ("continued" text), lost its place: a wrapped Japanese
// sentence with a path in it ran over the next line. Here every line is laid out first, so a
// table can know a cell's height before drawing it, and the drawing cannot disagree with it.

export interface Piece {
  latin: boolean;
  text: string;
}

export type Measure = (latin: boolean, text: string) => number;

/** Latin scripts (through Latin Extended-B), general punctuation aside, go to the Latin font. */
export function isLatin(cp: number): boolean {
  return cp <= 0x024f;
}

/** The text cut where it changes between Latin and other scripts; spaces stay in their run. */
export function fontRuns(text: string): Piece[] {
  const runs: Piece[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const latin = ch === ' ' && last ? last.latin : isLatin(cp);
    if (last && last.latin === latin) last.text += ch;
    else runs.push({ latin, text: ch });
  }
  return runs.length ? runs : [{ latin: true, text: '' }];
}

// A line may break before any CJK character (not before closing punctuation, which stays with
// what it closes), and after spaces; a word wider than the line is cut between characters.
const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
const CLOSING = '、。，．・：；？！）」』】〕〉》’”ー…‥ゝゞヽヾ々）］｝';
const TOKEN = new RegExp(`[${CJK}][${CLOSING}]*|[^\\s${CJK}]+[${CLOSING}]*|\\s+`, 'gu');

function width(pieces: readonly Piece[], measure: Measure): number {
  return pieces.reduce((w, p) => w + measure(p.latin, p.text), 0);
}

export function layoutMixed(text: string, maxWidth: number, measure: Measure): Piece[][] {
  const lines: Piece[][] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let used = 0;
    const flush = (): void => {
      lines.push(fontRuns(line.join('').replace(/\s+$/u, '')));
      line = [];
      used = 0;
    };
    for (const token of paragraph.match(TOKEN) ?? []) {
      const w = width(fontRuns(token), measure);
      if (used + w <= maxWidth) {
        line.push(token);
        used += w;
        continue;
      }
      if (/^\s+$/u.test(token)) {
        if (line.length) flush();
        continue;
      }
      if (line.length) flush();
      if (w <= maxWidth) {
        line.push(token);
        used = w;
        continue;
      }
      // Wider than a whole line (a URL, a hash, a command line): cut between characters.
      for (const ch of token) {
        const cw = width(fontRuns(ch), measure);
        if (used + cw > maxWidth && line.length) flush();
        line.push(ch);
        used += cw;
      }
    }
    flush();
  }
  return lines;
}
