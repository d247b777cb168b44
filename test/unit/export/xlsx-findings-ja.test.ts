// The Japanese workbook's Detections sheet: a finding the engine described (a beacon's title,
// its score and timing) reads in Japanese, with the addresses and numbers from the evidence
// exactly as detection reported them; the English workbook keeps the engine's English.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { buildCase } from '../detect/incident-helpers';
import { writeAndReadWorkbook } from './helpers';

const c = buildCase('scenario-a', [{ files: /^squid/ }, { files: /^fortigate/, tz: 'Asia/Tokyo' }]);

async function detectionsSheet(language: 'en' | 'ja', detection: DetectResult): Promise<string[][]> {
  const wb = await writeAndReadWorkbook(c.casePath, path.join(c.dir, `findings-${language}.xlsx`), { language, detection });
  const ws = wb.worksheets[3]!;
  return Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
}

describe('XLSX workbook: findings in the report language', () => {
  it('writes a beacon finding in Japanese, values as detected; in English as the engine wrote it', async () => {
    const detection = c.detect();
    const beacon = detection.findings.find((f) => f.rule === 'beacon' && f.title.includes('198.51.100.23'))!;
    expect(beacon).toBeDefined();
    const en = (await detectionsSheet('en', detection)).find((r) => r[4] === beacon.title && r[6] === beacon.src_ip);
    expect(en, 'the English row carries the engine title').toBeDefined();
    expect(en![10]).toBe(beacon.reasons.join('\n'));

    const ja = (await detectionsSheet('ja', detection)).find((r) => r[5] === 'beacon' && r[4]!.includes('198.51.100.23:8080') && r[6] === beacon.src_ip);
    expect(ja, 'a Japanese beacon row').toBeDefined();
    expect(ja![4]).not.toBe(beacon.title);
    expect(ja![4]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const reasons = ja![10]!.split('\n');
    expect(reasons).toHaveLength(beacon.reasons.length);
    expect(reasons.every((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(r))).toBe(true);
    expect(reasons.join('\n')).not.toContain('score ');
  });
});
