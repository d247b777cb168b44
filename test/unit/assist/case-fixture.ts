// The Emotet case of test/fixtures/incidents/scenario-a, ingested once per test file through
// the CLI (as an analyst would), for the assistant's tests.
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { AskAnswer } from '../../../electron/common/assist';
import { answerQuestion } from '../../../electron/engine/assist/ask';
import { dropSnapshot } from '../../../electron/engine/assist/run-bounded';
import { CaseSession } from '../../../electron/engine/custody/session';
import { tracelight, REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const A = path.join(REPO_ROOT, 'test/fixtures/incidents/scenario-a');

export function emotetCase(): string {
  const c = path.join(tempDir(), 'emotet.tlcase');
  const files = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'DeviceFileEvents.csv', 'DeviceRegistryEvents.csv', 'squid-access.log'].map((f) => path.join(A, f));
  let r = tracelight(['ingest', c, ...files, '--examiner', 'tester']);
  if (r.code !== 0) throw new Error(r.stderr);
  r = tracelight(['ingest', c, path.join(A, 'fortigate-traffic.log'), '--tz', 'Asia/Tokyo', '--examiner', 'tester']);
  if (r.code !== 0) throw new Error(r.stderr);
  return c;
}

/**
 * The Emotet case opened read-only for the whole test file (closed after it, with the
 * assistant's snapshot); the returned function gives the session, and `ask` answers a question
 * that must be understood.
 */
export function emotetSession(): { session(): CaseSession; ask(q: string): Promise<AskAnswer> } {
  let session: CaseSession;
  beforeAll(async () => {
    session = await CaseSession.open(emotetCase(), { readOnly: true });
  }, 120_000);
  afterAll(() => {
    dropSnapshot(session.store);
    session?.close();
  });
  return {
    session: () => session,
    ask: async (q) => {
      const r = await answerQuestion(session.store, q);
      if (!r.ok) throw new Error(`${q}: ${r.refusal.problem}`);
      return r.answer;
    },
  };
}
