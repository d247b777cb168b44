// A small case for the export tests: a Timesketch JSONL evidence file whose fields carry
// spreadsheet formula payloads and Japanese text, plus the real Squid sample, with case metadata,
// a tag and a Japanese note recorded through the custody actions.
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DetectResult } from '../../../electron/common/detect';
import { addNote, addTag, editCase } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { samplePath } from '../helpers/samples';
import ExcelJS from 'exceljs';
import type { ExportOptions } from '../../../electron/engine/export/types';
import { writeXlsxWorkbook } from '../../../electron/engine/export/xlsx/workbook';

export const PAYLOADS = ["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1)', '\tTAB', '\rCR'] as const;
export const JA_NOTE = '請求書を開いた';
export const JA_HOST = '経理-PC01';

export interface ExportCase {
  casePath: string;
  evidence: string[];
  /** Event id of the tagged and annotated event. */
  taggedId: number;
}

/** Lines of a Timesketch JSONL file: one event per payload (in message, hostname and username). */
function hostileTimeline(): string {
  const lines = PAYLOADS.map((p, i) =>
    JSON.stringify({
      message: p,
      datetime: `2026-10-05T0${i}:12:41.250+09:00`,
      timestamp_desc: 'Event Recorded',
      hostname: i === 0 ? JA_HOST : p,
      username: p,
      data_type: 'test:payload',
    }),
  );
  lines.push(JSON.stringify({ message: '請求書.doc を WINWORD.EXE で開いた', datetime: '2026-10-05T09:30:00.000Z', timestamp_desc: 'Event Recorded', hostname: JA_HOST, username: '山田' }));
  return `${lines.join('\n')}\n`;
}

export async function buildExportCase(dir: string): Promise<ExportCase> {
  const casePath = path.join(dir, '事案.tlcase');
  const timeline = path.join(dir, 'hostile.jsonl');
  const squid = path.join(dir, 'access.log');
  writeFileSync(timeline, hostileTimeline());
  copyFileSync(samplePath('squid_native', 'logscale_squid_access.log'), squid);
  const s = await CaseSession.open(casePath, { examiner: '鈴木 花子', create: { timezone: 'UTC' } });
  try {
    await ingestWithCustody(s, { path: timeline, timezone: 'UTC' });
    await ingestWithCustody(s, { path: squid, timezone: 'UTC' });
    editCase(s, { caseNumber: 'IR-2026-014', organization: '株式会社サンプル', examiners: '鈴木 花子, J. Doe' });
    const taggedId = Number(s.store.scalar("SELECT id FROM event_row WHERE message LIKE '請求書.doc%'"));
    addTag(s, taggedId, 'evidence');
    addNote(s, taggedId, JA_NOTE);
    return { casePath, evidence: [timeline, squid], taggedId };
  } finally {
    s.close();
  }
}

/** A detection result as H2's runDetection returns it, for reports rendered without running it. */
export function sampleDetection(taggedId: number): DetectResult {
  const t = '2026-10-05T09:30:00.000Z';
  return {
    findings: [
      {
        id: `office-spawn:${JA_HOST}:${taggedId}`,
        rule: 'office-spawn',
        title: 'Office application started a script interpreter',
        severity: 'high',
        attack: ['T1204.002', 'T1059.001'],
        stage: 'execution',
        host: JA_HOST,
        user: '山田',
        time: t,
        event_ids: [taggedId],
        reasons: ['WINWORD.EXE -> powershell.exe -enc ...'],
      },
    ],
    incident: {
      patient_zero: { host: JA_HOST, user: '山田', time: t, lure: '請求書.doc', event_ids: [taggedId] },
      hosts: [JA_HOST, 'WS-0042'],
      payload_urls: ['http://bad.example.net/wp-content/x.dll'],
      c2: [
        { ip: '203.0.113.77', port: 8080 },
        { ip: '198.51.100.23', port: 443, domain: null },
      ],
      ioc_hits: [
        { indicator: '203.0.113.77', type: 'ip', source: 'feodo.csv', host: JA_HOST, user: '山田', src_ip: '10.0.0.5', time: t, event_id: taggedId },
      ],
      infected: [
        {
          host: JA_HOST,
          user: '山田',
          first_malicious: t,
          reasons: ['malicious execution'],
          steps: [
            { stage: 'lure', time: t, host: JA_HOST, user: '山田', summary: '請求書.doc opened in WINWORD.EXE', finding_ids: [], event_ids: [taggedId] },
            { stage: 'c2', time: t, host: JA_HOST, user: '山田', summary: 'beacon to 203.0.113.77:8080 every 60 s', finding_ids: [], event_ids: [taggedId] },
          ],
        },
      ],
      lateral_movement: [{ from: JA_HOST, to: 'WS-0042', time: t, event_ids: [taggedId] }],
      spam: [{ host: 'WS-0042', count: 120, first: t, event_ids: [taggedId] }],
      clicked: [{ host: JA_HOST, user: '山田', src_ip: '10.0.0.5', url: 'http://bad.example.net/wp-content/x.dll', time: t, event_id: taggedId }],
    },
    beacons: [],
    rules: { loaded: 42, problems: [{ file: 'rules/broken.yml', rule: 'broken', message: 'unsupported modifier |re' }] },
    elapsed_s: 1.25,
  };
}

/** Writes the case's XLSX workbook as an examiner's export would, and reads it back (exceljs). */
export async function writeAndReadWorkbook(casePath: string, file: string, opts: ExportOptions): Promise<ExcelJS.Workbook> {
  const session = await CaseSession.open(casePath, { examiner: 'Reviewer' });
  try {
    await writeXlsxWorkbook(session, file, opts);
  } finally {
    session.close();
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
