// The web-attack story's "why it counts as a success" in the Japanese report: each reason the
// engine wrote with a code is printed in Japanese (the UI's wording), the request as logged; the
// English report prints the engine's English. The report renders codes from the UI's own
// dictionaries (common/engine-texts/), so the report and the window say the same thing.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { CaseSession } from '../../../electron/engine/custody/session';
import { reportText } from '../../../electron/engine/export/i18n/coded';
import { writePdfReport } from '../../../electron/engine/export/pdf/report';
import { renderCoded } from '../../../renderer/src/features/engine-text/render-coded';
import { tracelight } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { webAccessLog } from '../renderer/engine-text/web-log';

function pdfText(file: string): string {
  // In content-stream order (-raw) a table cell's text comes out whole, however it wraps;
  // compare without the line breaks.
  const r = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.replace(/\s+/g, '');
}

async function webReports() {
  const dir = tempDir();
  const log = path.join(dir, 'access.log');
  writeFileSync(log, webAccessLog());
  const casePath = path.join(dir, 'web.tlcase');
  expect(tracelight(['ingest', casePath, log]).code).toBe(0);
  const detect = tracelight(['detect', casePath, '--json']);
  expect(detect.code, detect.stderr).toBe(0);
  const detection = JSON.parse(detect.stdout) as DetectResult;
  const out: Record<'en' | 'ja', string> = { en: '', ja: '' };
  for (const language of ['en', 'ja'] as const) {
    const session = await CaseSession.open(casePath, { examiner: 'Reviewer' });
    const file = path.join(dir, `report-${language}.pdf`);
    try {
      await writePdfReport(session, file, { language, detection });
    } finally {
      session.close();
    }
    out[language] = pdfText(file);
  }
  return { detection, ...out };
}

describe('PDF report: the web story in Japanese', () => {
  it('prints each success reason in the report language', async () => {
    const { detection, en, ja } = await webReports();
    const successes = detection.incident.web?.successes ?? [];
    expect(successes.filter((s) => s.reason_code).length).toBeGreaterThan(1);
    for (const s of successes) {
      if (!s.reason || !s.reason_code) continue;
      const inJapanese = reportText('ja', s.reason_code, s.reason);
      expect(inJapanese).not.toBe(s.reason);
      expect(inJapanese).toBe(renderCoded('ja', s.reason_code));
      expect(ja).toContain(inJapanese.replace(/\s+/g, ''));
      expect(ja).not.toContain(s.reason.replace(/\s+/g, ''));
      expect(en).toContain(s.reason.replace(/\s+/g, ''));
    }
    // The web finding's title in the detections table too.
    const web = detection.findings.find((f) => f.title_code?.code === 'finding.web');
    expect(web).toBeDefined();
    expect(ja).toContain(reportText('ja', web!.title_code, web!.title).replace(/\s+/g, ''));
  });
});

describe('PDF report: the infection story in Japanese', () => {
  it('patient zero, the infected host and its steps are printed from their codes', async () => {
    const dir = tempDir();
    const fixtures = path.resolve(__dirname, '../../fixtures/e2e-incident');
    const casePath = path.join(dir, 'chain.tlcase');
    const files = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'].map((f) => path.join(fixtures, f));
    expect(tracelight(['ingest', casePath, ...files]).code).toBe(0);
    const detect = tracelight(['detect', casePath, '--json']);
    expect(detect.code, detect.stderr).toBe(0);
    const detection = JSON.parse(detect.stdout) as DetectResult;
    const pz = detection.incident.patient_zero!;
    expect(pz.reason_code).toBeDefined();
    const session = await CaseSession.open(casePath, { examiner: 'Reviewer' });
    const file = path.join(dir, 'report-ja.pdf');
    try {
      await writePdfReport(session, file, { language: 'ja', detection });
    } finally {
      session.close();
    }
    const ja = pdfText(file);
    const pzJa = renderCoded('ja', pz.reason_code!)!;
    expect(pzJa).toMatch(/最初/);
    expect(ja).toContain(pzJa.replace(/\s+/g, ''));
    expect(ja).not.toContain(pz.reason!.replace(/\s+/g, ''));
    const host = detection.incident.infected[0]!;
    for (const [i, r] of host.reasons.entries()) expect(ja).toContain(reportText('ja', host.reason_codes?.[i], r).replace(/\s+/g, ''));
    const coded = host.steps.filter((s) => s.summary_code && s.summary_code.code !== 'text' && s.summary_code.code !== 'step.finding');
    expect(coded.length).toBeGreaterThan(0);
    for (const s of coded) expect(ja).toContain(reportText('ja', s.summary_code, s.summary).replace(/\s+/g, ''));
  });
});
