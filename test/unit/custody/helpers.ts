// A small case with a few custody entries, built through the engine as the CLI would.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { addNote, addTag } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { samplePath } from '../helpers/samples';

export const SQUID = samplePath('squid_native', 'logscale_squid_access.log');
export const FORTIGATE = samplePath('fortigate_kv', 'logscale_fortigate_traffic.log');

/** Creates DIR/c.tlcase with one ingested copy of the Squid sample, a tag and a note. */
export async function buildCase(dir: string, examiner = 'Examiner A'): Promise<string> {
  const casePath = path.join(dir, 'c.tlcase');
  const evidence = path.join(dir, 'access.log');
  copyFileSync(SQUID, evidence);
  const s = await CaseSession.open(casePath, { examiner, create: { timezone: 'UTC' } });
  await ingestWithCustody(s, { path: evidence, timezone: 'UTC' });
  addTag(s, 1, 'suspicious');
  addNote(s, 1, 'first look');
  s.close();
  return casePath;
}

/** Changes the case file behind Tracelight's back, as sqlite3 would. */
export async function tamper(casePath: string, sql: string): Promise<void> {
  const store = await CaseStore.open(casePath);
  store.db.exec(sql);
  store.save();
  store.close();
}

export async function inspect(casePath: string): Promise<CaseSession> {
  return CaseSession.open(casePath, { readOnly: true });
}
