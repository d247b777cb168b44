// A thin layer over pdfkit for the report: headings (also PDF outline entries), paragraphs,
// field/value lists, and tables that break across pages and repeat their header. Every page
// gets a running header and "page n of N" at the end (pages are buffered until then).
import type PDFKitDocument from 'pdfkit';
import { lazyRequire } from '../../lazy-require';
import type { Messages } from '../i18n';
import type { ReportLanguage } from '../types';
import { resourcePath } from '../resources';
import { fontRuns, layoutMixed, type Piece } from './mixed-layout';
import { pdfText } from './text';

export const FONT = 'ipag';
/**
 * Latin text, paths and command lines. IPA Gothic draws U+005C as a yen sign (its JIS-Roman
 * glyph), so `C:\Users\tanaka.h` would read `C:¥Users¥tanaka.h` to a lawyer; DejaVu Sans
 * (Bitstream Vera licence, resources/fonts/DejaVu_LICENSE.txt) has a real backslash.
 */
export const LATIN = 'dejavu';
/**
 * The least width of a timestamp column. With `nowrap` the table widens it to its widest cell
 * as measured in the fonts that draw it (an ISO-8601 time with milliseconds in DejaVu Sans at
 * 8 pt takes about 111 pt with the padding), so a time never wraps onto the next row.
 */
export const TIME_WIDTH = 106;
export const MONO = 'Courier';
const GREY = '#666666';
const RULE = '#cccccc';
const pdfkit = lazyRequire<typeof PDFKitDocument>('pdfkit');
const HEAD_FILL = '#eeeeee';

export interface TableColumn {
  header: string;
  /** Share of the width left after fixed columns (shares need not add up to 1; they are scaled). */
  share: number;
  /** A fixed width in points instead of a share (e.g. a timestamp column that must not wrap). */
  width?: number;
  /** Never wrap: the column is at least as wide as its widest cell (and its header's longest word). */
  nowrap?: boolean;
  mono?: boolean;
}

export class ReportWriter {
  readonly doc: PDFKit.PDFDocument;
  /** The report's language, from the document's (`ja-JP` → ja), for texts that travel as codes. */
  readonly language: ReportLanguage;

  constructor(
    readonly m: Messages,
    info: { title: string; author: string; subject: string; creator: string; lang: string },
  ) {
    this.language = info.lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
    const PDFDocument = pdfkit();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 60, left: 50, right: 50 },
      bufferPages: true,
      autoFirstPage: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: info.creator, Producer: info.creator },
      lang: info.lang,
      displayTitle: true,
    });
    // The Japanese font is shipped with Tracelight (IPA Gothic, IPA Font License v1.0) and
    // embedded as a subset, so the report renders the same on a machine without it.
    this.doc.registerFont(FONT, resourcePath('fonts/ipag.ttf'));
    this.doc.registerFont(LATIN, resourcePath('fonts/DejaVuSans.ttf'));
    this.doc.font(FONT).fontSize(10);
  }

  /** The font size last set on the document (callers set it before drawing text). */
  private get size(): number {
    return (this.doc as unknown as { _fontSize: number })._fontSize;
  }

  /** Height of one line of mixed text: the taller of the two fonts', so lines never touch. */
  private mixedLineHeight(size: number): number {
    const h = (font: string) => this.doc.font(font).fontSize(size).currentLineHeight(true);
    return Math.max(h(FONT), h(LATIN));
  }

  /** Distance from a line's top to the common baseline: the larger ascent of the two fonts. */
  private mixedAscent(size: number): number {
    const ascent = (font: string) => {
      this.doc.font(font).fontSize(size);
      return ((this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000) * size;
    };
    return Math.max(ascent(FONT), ascent(LATIN));
  }

  private layout(text: string, width: number, size: number): Piece[][] {
    return layoutMixed(text, width, (latin, t) => this.doc.font(latin ? LATIN : FONT).fontSize(size).widthOfString(t));
  }

  /** The height `mixed` takes for `text` in `width` at the current font size. */
  mixedHeight(text: string, width: number, size = this.size): number {
    return this.layout(text, width, size).length * this.mixedLineHeight(size);
  }

  /**
   * Draws text at (x, y) with Latin runs in the Latin font and everything else in the Japanese
   * one, laid out line by line (mixed-layout.ts); leaves the document's y below the last line.
   * A paragraph continues on a new page when it reaches the bottom margin, unless `keep` (a
   * table cell, whose row was made to fit).
   */
  mixed(text: string, x: number, y: number, opts: { width: number; keep?: boolean }): this {
    const size = this.size;
    const lineHeight = this.mixedLineHeight(size);
    // Both fonts on one baseline (pdfkit's default places each font's own top at y, so a Latin
    // run would sit lower than the Japanese beside it).
    const ascent = this.mixedAscent(size);
    let cy = y;
    for (const line of this.layout(text, opts.width, size)) {
      if (!opts.keep && cy + lineHeight > this.bottom && cy > this.doc.page.margins.top) {
        this.doc.addPage();
        cy = this.doc.page.margins.top;
      }
      let cx = x;
      for (const piece of line) {
        this.doc.font(piece.latin ? LATIN : FONT).fontSize(size);
        this.doc.text(piece.text, cx, cy + ascent, { lineBreak: false, baseline: 'alphabetic' });
        cx += this.doc.widthOfString(piece.text);
      }
      cy += lineHeight;
    }
    this.doc.x = x;
    this.doc.y = cy;
    return this;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 16 : 12;
    // Keep a heading with at least the start of what follows it.
    this.ensure(level === 1 ? 110 : 70);
    if (level === 1) this.doc.outline.addItem(text);
    this.doc.moveDown(level === 1 ? 0.6 : 0.4);
    this.doc.font(FONT).fontSize(size).fillColor('black');
    this.mixed(text, this.left, this.doc.y, { width: this.width });
    if (level === 1) {
      const y = this.doc.y + 2;
      this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.8).strokeColor('#333333').stroke();
    }
    this.doc.moveDown(0.5).fontSize(10);
  }

  para(text: string, opts: { size?: number; color?: string; mono?: boolean } = {}): void {
    this.doc.font(opts.mono ? MONO : FONT).fontSize(opts.size ?? 10).fillColor(opts.color ?? 'black');
    if (opts.mono) this.doc.text(pdfText(text, this.m, 4000), this.left, this.doc.y, { width: this.width });
    else this.mixed(pdfText(text, this.m, 4000), this.left, this.doc.y, { width: this.width });
    this.doc.font(FONT).fontSize(10).fillColor('black').moveDown(0.3);
  }

  bullets(items: string[]): void {
    for (const item of items) {
      this.ensure(14);
      this.doc.font(FONT).fontSize(10).fillColor('black');
      this.mixed(`• ${pdfText(item, this.m)}`, this.left + 8, this.doc.y, { width: this.width - 8 });
    }
    this.doc.moveDown(0.3);
  }

  /** Field/value rows; `mono` values (hashes) are set in Courier so they read unambiguously. */
  fields(rows: [string, string, boolean?][]): void {
    const labelW = this.width * 0.34;
    const valueW = this.width - labelW - 8;
    for (const [label, value, mono] of rows) {
      const v = pdfText(value, this.m);
      // Courier 8 pt keeps a 64-digit SHA-256 on one line of the value column.
      this.doc.font(mono ? MONO : FONT).fontSize(mono ? 8 : 10);
      const h = Math.max(mono ? this.doc.heightOfString(v || ' ', { width: valueW }) : this.mixedHeight(v || ' ', valueW, 10), 12);
      this.ensure(h + 4);
      const y = this.doc.y;
      this.doc.font(FONT).fontSize(9).fillColor(GREY).text(label, this.left, y, { width: labelW });
      this.doc.font(mono ? MONO : FONT).fontSize(mono ? 8 : 10).fillColor('black');
      if (mono) this.doc.text(v, this.left + labelW + 8, y, { width: valueW });
      else this.mixed(v, this.left + labelW + 8, y, { width: valueW, keep: true });
      this.doc.y = Math.max(this.doc.y, y + h) + 3;
    }
    this.doc.font(FONT).fontSize(10).fillColor('black').moveDown(0.3);
  }

  /** The width of `text` drawn as `mixed` draws it (Latin runs in the Latin font). */
  mixedWidth(text: string, fontSize: number): number {
    return fontRuns(text).reduce((w, run) => w + this.doc.font(run.latin ? LATIN : FONT).fontSize(fontSize).widthOfString(run.text), 0);
  }

  table(columns: TableColumn[], rows: string[][], fontSize = 8): void {
    const pad = 3;
    const shown = rows.map((r) => r.map((v) => pdfText(v, this.m, 600)));
    // A column that must not wrap is as wide as its widest cell, measured in the drawing fonts,
    // plus the newline's own width: pdfkit's line wrapper counts it on a line that ends in one
    // (a "first\nlast" cell 2 pt short of that measures three lines).
    const latin = this.doc.font(LATIN).fontSize(fontSize);
    const slack = Math.max(latin.widthOfString(' '), latin.widthOfString('\n')) + 2;
    const fit = (c: TableColumn, i: number): number => {
      const words = c.header.split(/\s+/).map((w) => this.mixedWidth(w, fontSize));
      const lineWidth = (line: string): number => (c.mono ? this.doc.font(MONO).fontSize(fontSize).widthOfString(line) : this.mixedWidth(line, fontSize));
      const cells = shown.map((r) => Math.max(0, ...(r[i] ?? '').split('\n').map(lineWidth)));
      return Math.ceil(Math.max(c.width ?? 0, ...words, ...cells) + 2 * pad + slack);
    };
    const fixedWidths = columns.map((c, i) => (c.nowrap ? fit(c, i) : c.width));
    const fixed = fixedWidths.reduce<number>((a, w) => a + (w ?? 0), 0);
    const total = columns.reduce((a, c, i) => a + (fixedWidths[i] === undefined ? c.share : 0), 0) || 1;
    const widths = columns.map((c, i) => fixedWidths[i] ?? (c.share / total) * Math.max(this.width - fixed, 0));
    const fontFor = (c: TableColumn): string => (c.mono ? MONO : FONT);
    // Mixed text is laid out as `mixed` draws it (mixed-layout.ts), so the row is as tall as its tallest cell.
    const cellHeight = (text: string, i: number, header: boolean): number => {
      const width = widths[i]! - 2 * pad;
      if (!header && columns[i]!.mono) return this.doc.font(MONO).fontSize(fontSize).heightOfString(text || ' ', { width });
      return this.mixedHeight(text || ' ', width, fontSize);
    };
    const rowHeight = (cells: string[], header = false): number => Math.max(...cells.map((text, i) => cellHeight(text, i, header))) + 2 * pad;
    const draw = (cells: string[], header: boolean): void => {
      const h = rowHeight(cells, header);
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        if (!header) draw(columns.map((c) => c.header), true);
      }
      const y = this.doc.y;
      if (header) this.doc.rect(this.left, y, this.width, h).fill(HEAD_FILL);
      let x = this.left;
      // The row ends below its lowest cell as drawn: text set in two fonts can wrap onto one
      // more line than either font measured alone, and must not run into the next row.
      let bottom = y + h;
      cells.forEach((text, i) => {
        this.doc.font(header ? FONT : fontFor(columns[i]!)).fontSize(fontSize).fillColor(header ? '#222222' : 'black');
        if (!header && columns[i]!.mono) this.doc.text(text, x + pad, y + pad, { width: widths[i]! - 2 * pad });
        else this.mixed(text, x + pad, y + pad, { width: widths[i]! - 2 * pad, keep: true });
        bottom = Math.max(bottom, this.doc.y + pad);
        x += widths[i]!;
      });
      this.doc.moveTo(this.left, bottom).lineTo(this.left + this.width, bottom).lineWidth(0.4).strokeColor(RULE).stroke();
      this.doc.y = bottom;
    };
    this.ensure(40);
    draw(columns.map((c) => c.header), true);
    for (const r of shown) draw(r, false);
    this.doc.x = this.left;
    this.doc.font(FONT).fontSize(10).fillColor('black').moveDown(0.6);
  }

  /** Running header (from page 2) and page numbers on every page; call once, at the end. */
  finishPages(header: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const { margins, width, height } = this.doc.page;
      const saved = margins.bottom;
      margins.bottom = 0; // writing inside the margin must not start a new page
      this.doc.font(FONT).fontSize(8).fillColor(GREY);
      if (i > range.start) {
        this.doc.text(header, margins.left, 30, { width: width - margins.left - margins.right, lineBreak: false, ellipsis: true });
        this.doc.moveTo(margins.left, 44).lineTo(width - margins.right, 44).lineWidth(0.4).strokeColor(RULE).stroke();
      }
      this.doc.text(this.m.page(i - range.start + 1, range.count), margins.left, height - 40, {
        width: width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
      margins.bottom = saved;
    }
  }
}

export { fontRuns } from './mixed-layout';
