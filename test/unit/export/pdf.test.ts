import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { CaseSession } from '../../../electron/engine/custody/session';
import { detectWithCaseIocs } from '../../../electron/engine/detect/case-detection';
import { writePdfReport } from '../../../electron/engine/export/pdf/report';
import type { ReportLanguage } from '../../../electron/engine/export/types';
import { tempDir } from '../helpers/tmp';
import { buildExportCase, JA_HOST, JA_NOTE, sampleDetection, type ExportCase } from './helpers';

/** The PDF's text as a reader extracts it (poppler's pdftotext, as a lawyer's tools would). */
function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

const sha256 = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function report(language: ReportLanguage, detection: (c: ExportCase, s: CaseSession) => Promise<DetectResult | null>) {
  const dir = tempDir();
  const c = await buildExportCase(dir);
  const session = await CaseSession.open(c.casePath, { examiner: 'Reviewer' });
  try {
    const file = path.join(dir, `report-${language}.pdf`);
    const result = await writePdfReport(session, file, { language, detection: await detection(c, session) });
    return { c, file, result, text: pdfText(file), entry: session.entries().at(-1)! };
  } finally {
    session.close();
  }
}

describe('PDF report', () => {
  for (const language of ['en', 'ja'] as const) {
    it(`(${language}) carries the evidence hashes, hosts, C2 addresses and the Japanese note as extractable text`, async () => {
      const { c, text } = await report(language, async (x) => sampleDetection(x.taggedId));
      for (const f of c.evidence) expect(text).toContain(sha256(f));
      expect(text).toContain(JA_HOST);
      expect(text).toContain('WS-0042');
      expect(text).toContain('203.0.113.77');
      expect(text).toContain('198.51.100.23');
      expect(text).toContain('http://bad.example.net/wp-content/x.dll');
      expect(text).toContain('T1059.001');
      expect(text).toContain(JA_NOTE);
      expect(text).toContain('IR-2026-014');
      expect(text).toContain('株式会社サンプル');
      const heading = language === 'ja' ? ['概要', 'インシデントの経緯', 'タグ付き証拠とメモ', '付録：調査方法'] : ['Executive summary', 'Incident story', 'Tagged evidence and notes', 'Appendix: methodology'];
      for (const h of heading) expect(text).toContain(h);
    });
  }

  it('numbers every page, puts the running header on every page after the cover, and states the content digest', async () => {
    const { text } = await report('en', async () => null);
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
    for (const p of pages.slice(1)) expect(p).toContain('事案 — Incident investigation report (IR-2026-014)');
    expect(text).toMatch(/Report content digest \(SHA-256\)\s+[0-9a-f]{64}/);
    expect(text).toContain('Detection was not run');
  });

  it('is recorded in the custody log with its SHA-256 (a file cannot hold its own hash)', async () => {
    const { file, result, entry } = await report('ja', async () => null);
    expect(result.sha256).toBe(sha256(file));
    expect(entry.action).toBe('export.created');
    expect(JSON.parse(entry.details)).toMatchObject({ kind: 'pdf', sha256: result.sha256, language: 'ja' });
  });

  it('renders a real detection run: an indicator file hit shows in the IOC section', async () => {
    const { text } = await report('en', async (c, s) => {
      const ioc = path.join(path.dirname(c.casePath), 'iocs.txt');
      writeFileSync(ioc, '# test indicators\n2[.]19[.]117[.]168\n');
      return detectWithCaseIocs(s.store, [ioc]);
    });
    expect(text).toMatch(/IOC hits[\s\S]*2\.19\.117\.168/);
    expect(text).toMatch(/\d+ rule\(s\) loaded/);
  });
});
