// The web story in the workbook: a "Web attacks" sheet with the attackers, their successes in
// time order and each web shell followed by its commands, every value exactly as detection
// reported it from the log (formula payloads, a quote, Japanese) and never a formula.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DetectResult, WebIncident } from '../../../electron/common/detect';
import { tempDir } from '../helpers/tmp';
import { buildExportCase, sampleDetection, writeAndReadWorkbook } from './helpers';
import { zipTexts } from './zip-text';

const WEB: WebIncident = {
  attackers: [
    { ip: '203.0.113.50', first: '2026-11-03T05:30:50.000Z', last: '2026-11-03T05:32:55.000Z', requests: 8, techniques: ['upload', 'webshell'], successes: 3 },
    { ip: '198.51.100.9', first: '2026-11-03T04:00:00.000Z', last: '2026-11-03T04:10:00.000Z', requests: 412, techniques: ['sqli'], successes: 1, tools: ['sqlmap'] },
  ],
  successes: [
    { time: '2026-11-03T04:05:00.000Z', ip: '198.51.100.9', technique: 'sqli', url: "/item.php?id=1'+UNION+SELECT+user,pass+FROM+users--+-", status: 200, bytes: 48213, event_id: 17, reason: '200, 48213 bytes where ordinary requests get 4200-6100' },
    { time: '2026-11-03T05:30:52.000Z', ip: '203.0.113.50', technique: 'upload', url: '/upload.php', status: 200, bytes: null, event_id: 40 },
    { time: '2026-11-03T05:31:05.000Z', ip: '203.0.113.50', technique: 'webshell', url: "/uploads/x.php?cmd==cmd|' /C calc'!A0", status: 200, bytes: 2017, event_id: 41 },
  ],
  webshells: [{ path: '/uploads/x.php', first_seen: '2026-11-03T05:31:05.000Z', ips: ['203.0.113.50'], commands: ["=cmd|' /C calc'!A0", 'cat /etc/passwd', 'echo 侵入テスト > /tmp/a.txt', '@SUM(A1)'], event_ids: [41, 42, 43, 44] }],
};

async function workbook(language: 'en' | 'ja', web: WebIncident | undefined) {
  const dir = tempDir();
  const c = await buildExportCase(dir);
  const file = path.join(dir, 'w.xlsx');
  const base = sampleDetection(c.taggedId);
  const detection: DetectResult = { ...base, incident: { ...base.incident, ...(web ? { web } : {}) } };
  const wb = await writeAndReadWorkbook(c.casePath, file, { language, detection });
  return { wb, parts: await zipTexts(file) };
}

const text = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : v);

describe('XLSX workbook: web attacks', () => {
  it('adds a Web attacks sheet after IOC hits, with attackers, successes in time order and each shell followed by its commands', async () => {
    const { wb, parts } = await workbook('en', WEB);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Timeline', 'Tagged evidence', 'Detections', 'IOC hits', 'Web attacks', 'Evidence', 'Custody log']);
    const ws = wb.getWorksheet('Web attacks')!;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1).map(text));
    expect(rows.map((r) => r[0])).toEqual(['attacker', 'attacker', 'success', 'success', 'success', 'web shell', 'command', 'command', 'command', 'command']);
    expect(rows[1]).toEqual(expect.arrayContaining(['198.51.100.9', 'SQL injection', 412, 1, 'sqlmap']));
    const successTimes = rows.filter((r) => r[0] === 'success').map((r) => (r[1] as Date).toISOString());
    expect(successTimes).toEqual([...successTimes].sort());
    // Values as the log wrote them: the request targets and the commands, formula payloads included.
    expect(rows[2]![5]).toBe("/item.php?id=1'+UNION+SELECT+user,pass+FROM+users--+-");
    expect(rows[4]![5]).toBe("/uploads/x.php?cmd==cmd|' /C calc'!A0");
    expect(rows.filter((r) => r[0] === 'command').map((r) => r[10])).toEqual(WEB.webshells[0]!.commands);
    expect(rows[5]).toEqual(expect.arrayContaining(['/uploads/x.php', '203.0.113.50', '41, 42, 43, 44']));
    // Never a formula: not in the XML, not as the reader sees it.
    expect(parts.get('xl/worksheets/sheet6.xml')).not.toMatch(/<f[\s>/]/);
    for (let r = 1; r <= ws.rowCount; r++) ws.getRow(r).eachCell((cell) => expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula));
  });

  it('in Japanese, with the sheet and row kinds translated and the values untouched', async () => {
    const { wb } = await workbook('ja', WEB);
    const ws = wb.getWorksheet('Web 攻撃')!;
    expect(ws).toBeDefined();
    expect(text(ws.getCell('A2').value)).toBe('攻撃元');
    const commands = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2)).filter((r) => text(r.getCell(1).value) === 'コマンド').map((r) => text(r.getCell(11).value));
    expect(commands).toContain('echo 侵入テスト > /tmp/a.txt');
  });

  it('has no web sheet when detection found no web attack', async () => {
    const { wb } = await workbook('en', { attackers: [], successes: [], webshells: [] });
    expect(wb.worksheets.map((w) => w.name)).not.toContain('Web attacks');
  });
});
