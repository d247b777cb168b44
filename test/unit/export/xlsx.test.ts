import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { cellText, MAX_CELL_CHARS } from '../../../electron/engine/export/xlsx/cell-value';
import { writeXlsxWorkbook } from '../../../electron/engine/export/xlsx/workbook';
import { tempDir } from '../helpers/tmp';
import { buildExportCase, JA_HOST, JA_NOTE, PAYLOADS, sampleDetection } from './helpers';
import { inlineStrings, zipTexts } from './zip-text';

async function exportWorkbook(language: 'en' | 'ja') {
  const dir = tempDir();
  const c = await buildExportCase(dir);
  const session = await CaseSession.open(c.casePath, { examiner: 'Reviewer' });
  const file = path.join(dir, 'workbook.xlsx');
  try {
    const result = await writeXlsxWorkbook(session, file, { language, detection: sampleDetection(c.taggedId) });
    const entry = session.entries().at(-1)!;
    return { c, file, result, entry, parts: await zipTexts(file) };
  } finally {
    session.close();
  }
}

const sheetsOf = (parts: Map<string, string>) => [...parts].filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));

describe('XLSX workbook', () => {
  it('never contains a formula, even for cells holding formula payloads, which stay text', async () => {
    const { parts } = await exportWorkbook('en');
    const sheets = sheetsOf(parts);
    expect(sheets).toHaveLength(7);
    for (const [name, xml] of sheets) expect(xml, name).not.toMatch(/<f[\s>/]/);
    const timeline = parts.get('xl/worksheets/sheet2.xml')!;
    const strings = inlineStrings(timeline);
    for (const p of PAYLOADS.slice(0, 4)) expect(strings).toContain(p);
    // No shared-string table: every string is inline (and memory stays flat while streaming).
    expect(parts.has('xl/sharedStrings.xml')).toBe(false);
  });

  it('has the seven sheets, frozen header rows, autofilters and UTC date cells with milliseconds', async () => {
    const { parts } = await exportWorkbook('ja');
    const wb = parts.get('xl/workbook.xml')!;
    const names = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['概要', 'タイムライン', 'タグ付き証拠', '検知結果', 'IOC 一致', '証拠', '保管記録']);
    for (const [name, xml] of sheetsOf(parts)) {
      expect(xml, name).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
      // The filter covers the header and every row under it (Excel's own files do the same).
      expect(xml, name).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
    }
    const timeline = parts.get('xl/worksheets/sheet2.xml')!;
    expect(timeline).toContain('<autoFilter ref="A1:AR13"/>'); // 44 columns, header + 12 events
    expect(wb).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'タイムライン'!$A$1:$AR$13</definedName>`);
    expect(inlineStrings(timeline)).toContain('time (UTC)');
    // Row 2 is the earliest event (the Squid sample, 2023-08-08T17:15:39.857Z): a number with a date style.
    const cell = /<c r="B2" s="(\d+)"><v>([\d.]+)<\/v><\/c>/.exec(timeline);
    expect(cell).not.toBeNull();
    const serial = Number(cell![2]);
    expect(new Date(Math.round((serial - 25569) * 86400000)).toISOString()).toBe('2023-08-08T17:15:39.857Z');
    const styles = parts.get('xl/styles.xml')!;
    const xf = [...styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)![1]!.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)][Number(cell![1])]!;
    expect(styles).toContain(`<numFmt numFmtId="${xf[1]}" formatCode="yyyy-mm-dd hh:mm:ss.000"/>`);
  });

  it('opens back in a spreadsheet reader (exceljs): sheets, frozen headers, filters, dates, payloads as text', async () => {
    const { file } = await exportWorkbook('en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Timeline', 'Tagged evidence', 'Detections', 'IOC hits', 'Evidence', 'Custody log']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getCell('A1').font, ws.name).toMatchObject({ bold: true });
      for (let r = 1; r <= ws.rowCount; r++) {
        ws.getRow(r).eachCell((cell) => expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula));
      }
    }
    const timeline = wb.getWorksheet('Timeline')!;
    expect(timeline.autoFilter).toBe('A1:AR13');
    expect(timeline.getColumn(2).width).toBe(24);
    expect(timeline.getCell('B1').value).toBe('time (UTC)');
    expect(timeline.getCell('B2').value).toEqual(new Date('2023-08-08T17:15:39.857Z'));
    expect(timeline.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm:ss.000');
    // Every payload comes back as the same text, CR and leading tab included.
    const messages = timeline.getColumn(34).values.map((v) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : v));
    expect(timeline.getCell('AH1').value).toBe('message');
    for (const p of PAYLOADS) expect(messages).toContain(p);
  });

  it('lists tagged evidence with the Japanese note, detections with ATT&CK ids, IOC hits and evidence hashes', async () => {
    const { parts, c } = await exportWorkbook('ja');
    const tagged = inlineStrings(parts.get('xl/worksheets/sheet3.xml')!);
    expect(tagged).toContain(JA_NOTE);
    expect(tagged).toContain(JA_HOST);
    expect(inlineStrings(parts.get('xl/worksheets/sheet4.xml')!)).toContain('T1204.002, T1059.001');
    expect(inlineStrings(parts.get('xl/worksheets/sheet5.xml')!)).toContain('203.0.113.77');
    const evidence = inlineStrings(parts.get('xl/worksheets/sheet6.xml')!);
    for (const f of c.evidence) expect(evidence).toContain(createHash('sha256').update(readFileSync(f)).digest('hex'));
    expect(inlineStrings(parts.get('xl/worksheets/sheet7.xml')!)).toContain('note.added');
  });

  it('records the export in the custody log with the file hash', async () => {
    const { file, result, entry } = await exportWorkbook('en');
    const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(result.sha256).toBe(sha256);
    expect(result.rows).toBe(12); // 7 Timesketch lines + 5 Squid lines
    expect(entry.action).toBe('export.created');
    expect(JSON.parse(entry.details)).toMatchObject({ kind: 'xlsx', sha256, rows: 12, language: 'en', path: file });
  });

  it('keeps cell text within Excel limits: illegal XML characters replaced, long text cut with a marker', () => {
    expect(cellText('a\u0000b\u0007c\ud800d\ttab')).toBe('a\ufffdb\ufffdc\ufffdd\ttab');
    const long = cellText('x'.repeat(100_000));
    expect(long.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(long).toMatch(/…\[truncated: \d+ more characters\]$/);
    const cut = Number(/truncated: (\d+)/.exec(long)![1]);
    expect(long.indexOf(' …') + cut).toBe(100_000);
  });
});
