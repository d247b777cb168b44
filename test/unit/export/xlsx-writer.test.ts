// The streaming SpreadsheetML writer under the workbook: cell encoding at its edges, the timeline
// running over into continuation sheets past the row limit, and failures that surface instead of
// hanging or leaving a file behind.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { cellXml, columnName } from '../../../electron/engine/export/xlsx/cell-value';
import { writeTimelineSheet } from '../../../electron/engine/export/xlsx/timeline-sheet';
import { writeXlsxWorkbook } from '../../../electron/engine/export/xlsx/workbook';
import { XlsxPackage } from '../../../electron/engine/export/xlsx/xlsx-package';
import { tempDir } from '../helpers/tmp';
import { buildExportCase } from './helpers';
import { inlineStrings, zipTexts } from './zip-text';

describe('XLSX cells', () => {
  it('writes times with a zone as date serials, and anything Excel cannot date as text', () => {
    expect(cellXml('B2', '1970-01-01T00:00:00.000Z', 'date')).toBe('<c r="B2" s="2"><v>25569</v></c>');
    expect(cellXml('B2', '2026-10-05T09:12:41.250+09:00', 'date')).toBe(cellXml('B2', new Date('2026-10-05T00:12:41.250Z')));
    // No zone: JavaScript would read it as the machine's local time, so it is not guessed at.
    expect(cellXml('B2', '2026-10-05 09:12:41', 'date')).toContain('t="inlineStr"');
    // Before 1900-03-01 Excel's serials are off by one (its phantom 1900-02-29).
    expect(cellXml('B2', '1899-12-31T00:00:00Z', 'date')).toContain('<t>1899-12-31T00:00:00Z</t>');
    expect(cellXml('B2', new Date(Date.UTC(1900, 1, 28)))).toContain('<t>1900-02-28T00:00:00.000Z</t>');
    expect(cellXml('B2', 'not a time', 'date')).toContain('<t>not a time</t>');
  });

  it('keeps text exact: markup escaped, CR as a character reference, edge whitespace preserved', () => {
    expect(cellXml('A1', '<b>&</b>')).toBe('<c r="A1" t="inlineStr"><is><t>&lt;b&gt;&amp;&lt;/b&gt;</t></is></c>');
    expect(cellXml('A1', '\rCR')).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve">&#13;CR</t></is></c>');
    expect(cellXml('A1', 'x\u0001y')).toContain('<t>x\ufffdy</t>');
    expect(cellXml('A1', Number.NaN)).toContain('<t>NaN</t>');
    expect(cellXml('A1', 42)).toBe('<c r="A1"><v>42</v></c>');
    expect(cellXml('A1', null)).toBe('');
    expect(cellXml('A1', '')).toBe('');
    expect(cellXml('A1', 'wrapped', 'wrap')).toContain(' s="3" t="inlineStr"');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 43, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AR', 'ZZ', 'AAA']);
  });
});

describe('XLSX timeline sheets', () => {
  it('goes on in "Timeline (2)", "Timeline (3)" with their own headers when a sheet is full, losing no row', async () => {
    const dir = tempDir();
    const c = await buildExportCase(dir);
    const session = await CaseSession.open(c.casePath, { readOnly: true });
    const file = path.join(dir, 'split.xlsx');
    try {
      const wb = new XlsxPackage(file, new Date());
      const rows = await writeTimelineSheet(wb, 'Timeline', session.store, undefined, 5);
      await wb.finish({ title: 't', creator: 'c', lastModifiedBy: 'm', created: new Date() });
      expect(rows).toBe(12);
    } finally {
      session.close();
    }
    const parts = await zipTexts(file);
    expect(parts.get('xl/worksheets/sheet3.xml')).toContain('<autoFilter ref="A1:AR3"/>');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['Timeline', 6],
      ['Timeline (2)', 6],
      ['Timeline (3)', 3],
    ]);
    const ids = book.worksheets.flatMap((w) => w.getColumn(1).values.slice(2));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    for (const w of book.worksheets) expect(w.getCell('A1').value).toBe('id');
    expect(inlineStrings(parts.get('xl/worksheets/sheet2.xml')!)[0]).toBe('id');
  });

  it('fails with the file system error, and leaves no partial file, when the workbook cannot be written', async () => {
    const dir = tempDir();
    const c = await buildExportCase(dir);
    const session = await CaseSession.open(c.casePath, { examiner: 'Reviewer' });
    try {
      const target = path.join(dir, 'missing-dir', 'workbook.xlsx');
      await expect(writeXlsxWorkbook(session, target, { language: 'en', detection: null })).rejects.toThrow(/ENOENT/);
      expect(existsSync(path.dirname(target))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
      expect(session.entries().at(-1)!.action).not.toBe('export.created');
    } finally {
      session.close();
    }
  });
});
