// One worksheet, streamed as SpreadsheetML (ECMA-376 Part 1, §18.3.1.99 <worksheet>): a bold
// header row that stays frozen, column widths, rows written as they are added, and an
// autofilter over the header and every row below it (known once the last row is in, which is
// why it is written after <sheetData>, where the schema puts it anyway). Rows go out in 64 KiB
// chunks with the output's backpressure honoured, so memory stays flat for any number of rows.
import type { SqlValue } from 'sql.js';
import { cellXml, columnName, MAX_CELL_CHARS, type CellInput, type ColumnKind } from './cell-value';
import { STYLE } from './workbook-parts';
import { xmlAttr } from './xml';

export interface ColumnSpec {
  header: string;
  width: number;
  kind?: ColumnKind;
}

// Text that goes into the XML as it is: nothing to escape or clean, no edge whitespace, not too long.
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[&<>\u0000-\u001f\ufffe\uffff\ud800-\udfff]|^\s|\s$/;
const isPlain = (s: string): boolean => s.length > 0 && s.length <= MAX_CELL_CHARS && !NOT_PLAIN.test(s);

/** Excel's row limit: 1,048,576 rows, the header included. */
export const MAX_SHEET_ROWS = 1_048_576;
const CHUNK = 1 << 16;

/** Where a sheet's bytes go (a zip entry): write may ask the caller to wait. */
export interface SheetSink {
  write(data: string): Promise<void> | undefined;
  end(): Promise<void>;
}

export class SheetWriter {
  private readonly refs: string[];
  private readonly kinds: ColumnKind[];
  private xml = '';
  private row = 1;
  private ended = false;

  constructor(
    private readonly out: SheetSink,
    columns: readonly ColumnSpec[],
    private readonly onEnd: (filterRef: string) => void,
    selected: boolean,
  ) {
    this.refs = columns.map((_, i) => columnName(i));
    this.kinds = columns.map((c) => c.kind ?? 'text');
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
    const header = columns
      .map((c, i) => `<c r="${this.refs[i]}1" s="${STYLE.header}" t="inlineStr"><is><t>${xmlAttr(c.header)}</t></is></c>`)
      .join('');
    this.xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
      '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
  }

  /** Rows written so far, the header excluded. */
  get count(): number {
    return this.row - 1;
  }

  /**
   * Adds one row (values in column order; null/undefined leave the cell empty). Date columns take
   * ISO-8601 times with a zone and make real date cells. Returns a promise when the output asks
   * the writer to wait; callers streaming many rows await it.
   */
  add(values: readonly (CellInput | SqlValue)[]): Promise<void> | undefined {
    if (this.ended) throw new Error('sheet already committed');
    if (this.row >= MAX_SHEET_ROWS) throw new Error(`a worksheet holds at most ${MAX_SHEET_ROWS - 1} rows`);
    const r = ++this.row;
    let xml = `<row r="${r}">`;
    const n = Math.min(values.length, this.refs.length);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      // Fast path for the common cell, plain text in a text column (same output as cellXml).
      if (typeof v === 'string' && this.kinds[i] === 'text' && isPlain(v)) xml += `<c r="${this.refs[i]!}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
      else xml += cellXml(this.refs[i]! + r, v, this.kinds[i]);
    }
    this.xml += `${xml}</row>`;
    return this.xml.length >= CHUNK ? this.flush() : undefined;
  }

  private flush(): Promise<void> | undefined {
    const wait = this.out.write(this.xml);
    this.xml = '';
    return wait;
  }

  /** Closes the sheet; the workbook lists it once the last of it is written. */
  async commit(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const filterRef = `A1:${this.refs.at(-1) ?? 'A'}${this.row}`;
    this.xml +=
      `</sheetData><autoFilter ref="${filterRef}"/>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    await this.flush();
    await this.out.end();
    this.onEnd(filterRef);
  }
}
