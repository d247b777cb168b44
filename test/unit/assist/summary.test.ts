import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { acceptedSummary, acceptSummary, buildSummary } from '../../../electron/engine/assist/summary';
import { CaseSession } from '../../../electron/engine/custody/session';
import { runDetection } from '../../../electron/engine/detect/index';
import { writePdfReport } from '../../../electron/engine/export/pdf/report';
import { tempDir } from '../helpers/tmp';
import { emotetCase } from './case-fixture';

let session: CaseSession;
let detection: DetectResult;

beforeAll(async () => {
  session = await CaseSession.open(emotetCase(), { examiner: '佐藤 次郎' });
  detection = await runDetection(session.store, {});
}, 120_000);
afterAll(() => session?.close());

describe('triage summary', () => {
  it('narrates the incident from detection, every sentence citing existing events', () => {
    const s = buildSummary(session.store, detection, 'en');
    expect(s.sentences.length).toBeGreaterThan(2);
    expect(s.sentences[0]!.text).toContain('wks-acct-07.acme.local');
    for (const x of s.sentences) {
      expect(x.event_ids.length).toBeGreaterThan(0);
      const found = Number(session.store.scalar(`SELECT count(*) FROM event_row WHERE id IN (${x.event_ids.join(',')})`));
      expect(found).toBe(x.event_ids.length);
    }
    expect(s.sentences.some((x) => x.text.includes('198.51.100.23'))).toBe(true);
    expect(['high', 'critical']).toContain(s.severity);
    expect(s.severity_reasons.length).toBeGreaterThan(0);
    expect(s.unknowns.length).toBeGreaterThan(0);
  });

  it('flags a sentence whose events come from one evidence file only', () => {
    const s = buildSummary(session.store, detection, 'en');
    for (const x of s.sentences) {
      const files = Number(session.store.scalar(`SELECT count(DISTINCT evidence_id) FROM event_row WHERE id IN (${x.event_ids.join(',')})`));
      expect(x.uncorroborated).toBe(files < 2);
    }
  });

  it('writes Japanese when asked', () => {
    const s = buildSummary(session.store, detection, 'ja');
    expect(s.sentences[0]!.text).toMatch(/最初の感染端末は wks-acct-07\.acme\.local/);
  });

  it('acceptance is a custody entry and is what the report reads back', () => {
    const s = buildSummary(session.store, detection, 'ja');
    const a = acceptSummary(session, s);
    expect(a.examiner).toBe('佐藤 次郎');
    const back = acceptedSummary(session.store)!;
    expect(back.custody_id).toBe(a.custody_id);
    expect(back.sentences.map((x) => x.text)).toEqual(s.sentences.map((x) => x.text));
    expect(session.entries().at(-1)!.action).toBe('assist.summary.accepted');
  });
});

describe('triage summary in the PDF', { timeout: 60_000 }, () => {
  it('the accepted summary is in the executive summary, with its cited events and who accepted it', async () => {
    const s = buildSummary(session.store, detection, 'en');
    const a = acceptSummary(session, s);
    const file = path.join(tempDir(), 'report.pdf');
    await writePdfReport(session, file, { language: 'en', detection });
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Triage summary (accepted by the examiner)');
    expect(text).toContain(`custody entry #${a.custody_id}`);
    expect(text).toContain('Patient zero is wks-acct-07.acme.local');
    expect(text).toContain(`Proposed severity: ${s.severity}`);
  });
});
