// A host name the story inferred from an address is shown as such in the PDF: patient zero and
// each infected machine read "10.20.30.47, resolved to … from <evidence>", in both languages.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActorResolution, DetectResult } from '../../../electron/common/detect';
import { CaseSession } from '../../../electron/engine/custody/session';
import { writePdfReport } from '../../../electron/engine/export/pdf/report';
import { tempDir } from '../helpers/tmp';
import { buildExportCase, JA_HOST, sampleDetection } from './helpers';

const resolved: ActorResolution = { ip: '10.20.30.47', host: JA_HOST, evidence: ['edr-browsing.csv (defender-hunting-csv)'], first_seen: '2026-10-04T23:55:34.050Z', last_seen: '2026-10-05T09:00:00.000Z' };

function withResolution(d: DetectResult): DetectResult {
  const i = d.incident;
  return { ...d, incident: { ...i, patient_zero: { ...i.patient_zero!, src_ip: resolved.ip, resolved }, infected: i.infected.map((h) => ({ ...h, src_ip: resolved.ip, resolved })) } };
}

describe('PDF report: resolved actors', () => {
  for (const [language, expected] of [
    ['en', `10.20.30.47, resolved to ${JA_HOST} from edr-browsing.csv (defender-hunting-csv)`],
    ['ja', `10.20.30.47（edr-browsing.csv (defender-hunting-csv) の記録から ${JA_HOST} と判定）`],
  ] as const) {
    it(`(${language}) says which address the name was resolved from, and from what evidence`, async () => {
      const dir = tempDir();
      const c = await buildExportCase(dir);
      const session = await CaseSession.open(c.casePath, { examiner: 'Reviewer' });
      const file = path.join(dir, `r-${language}.pdf`);
      try {
        await writePdfReport(session, file, { language, detection: withResolution(sampleDetection(c.taggedId)) });
      } finally {
        session.close();
      }
      // -raw keeps reading order; a table cell wraps its text, so spacing is compared away.
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      const text = squeeze(spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout);
      const count = text.split(squeeze(expected)).length - 1;
      // Patient zero's field and the infected machine's chain.
      expect(count).toBe(2);
    });
  }
});
