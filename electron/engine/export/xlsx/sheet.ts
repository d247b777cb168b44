// One worksheet of the streamed workbook: a bold header row that stays frozen, an autofilter
// over it, widths that fit, date columns formatted with milliseconds, and rows committed as
// they are added so that they leave memory at once.
import type ExcelJS from 'exceljs';
import type { SqlValue } from 'sql.js';
import { cellValue, dateCell, type CellInput, type CellValue } from './cell-value';

export interface ColumnSpec {
  header: string;
  width: number;
  kind?: 'text' | 'date' | 'number' | 'wrap';
}

export const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss.000';

export class SheetWriter {
  private rows = 0;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly columns: readonly ColumnSpec[],
  ) {
    ws.columns = columns.map((c) => ({
      header: c.header,
      width: c.width,
      style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.kind === 'wrap' ? { alignment: { wrapText: true, vertical: 'top' } } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }

  /** Adds one row; date columns take ISO-8601 strings and become real date cells. */
  add(values: readonly (CellInput | SqlValue)[]): void {
    const cells: CellValue[] = this.columns.map((c, i) => (c.kind === 'date' ? dateCell(values[i] as SqlValue) : cellValue(values[i])));
    const row = this.ws.addRow(cells);
    // A date in a text column (the Summary's values) still gets a date format of its own.
    cells.forEach((v, i) => {
      if (v instanceof Date && this.columns[i]!.kind !== 'date') row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
    this.rows++;
  }

  get count(): number {
    return this.rows;
  }

  commit(): void {
    this.ws.commit();
  }
}

/** A new sheet with its header row frozen. */
export function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: readonly ColumnSpec[]): SheetWriter {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  return new SheetWriter(ws, columns);
}
