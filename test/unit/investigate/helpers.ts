// Cases for the investigation tests, built through the engine as the CLI would.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { repoRoot } from '../helpers/samples';

export const INCIDENT = path.join(repoRoot, 'test/fixtures/e2e-incident');

/** A writable case holding copies of the given files (copied so the originals stay untouched). */
export async function caseWith(dir: string, files: string[], examiner = 'Examiner A'): Promise<CaseSession> {
  const s = await CaseSession.open(path.join(dir, 'c.tlcase'), { examiner, create: { timezone: 'UTC' } });
  for (const f of files) {
    const copy = path.join(dir, path.basename(f));
    copyFileSync(f, copy);
    await ingestWithCustody(s, { path: copy, timezone: 'UTC' });
  }
  return s;
}

export const incidentFiles = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid_access.log'].map((f) => path.join(INCIDENT, f));
