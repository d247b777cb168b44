import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../electron/engine/assist/parse';
import { loadVocabulary, type Vocabulary } from '../../../electron/engine/assist/vocabulary';
import { CaseSession } from '../../../electron/engine/custody/session';
// @ts-expect-error plain ESM module without types (the evaluation's case generator)
import { generateWeb } from '../../assist-eval/generate-web.mjs';
import { tracelight } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

// A web server's access log: no users, no destination addresses, statuses and paths.
let session: CaseSession;
let vocab: Vocabulary;

beforeAll(async () => {
  const dir = tempDir();
  const log = path.join(dir, 'access.log');
  (generateWeb as (f: string) => number)(log);
  const c = path.join(dir, 'web.tlcase');
  const r = tracelight(['ingest', c, log, '--examiner', 'tester']);
  if (r.code !== 0) throw new Error(r.stderr);
  session = await CaseSession.open(c, { readOnly: true });
  vocab = loadVocabulary(session.store);
}, 120_000);
afterAll(() => session?.close());

function plan(q: string) {
  const p = parseQuestion(q, vocab);
  if (!p.ok) throw new Error(p.problem);
  return p.plan;
}
const values = (q: string, field: string) => plan(q).filters.find((f) => f.fields.includes(field as never) && f.op !== 'nonnull')?.values;

describe('questions over a web server log', () => {
  it('"who" and "which IPs" mean the client address where the case has no users or destinations', () => {
    expect(plan('who requested /.env').dim).toBe('src_ip');
    expect(plan('Which IPs hit /admin.php?').dim).toBe('src_ip');
    expect(plan('403を受けたIPは').dim).toBe('src_ip');
  });
  it('reads a bare status the case holds as a status, and N next to "top" as a limit', () => {
    expect(values('how many requests got 403', 'http_status')).toEqual([403]);
    expect(values('404を返したURL', 'http_status')).toEqual([404]);
    const top = plan('top 2 status codes');
    expect([top.intent, top.dim, top.limit]).toEqual(['top', 'http_status', 2]);
  });
  it('reads a path typed in part as part of the case\'s URLs, and "containing X" as text', () => {
    expect(plan('cmd.phpへのリクエストは何件').filters.find((f) => f.fields[0] === 'url_part')?.values).toEqual(['cmd.php']);
    expect(values('requests containing passwd', 'text')).toEqual(['passwd']);
    expect(values("requests containing 'UNION'", 'text')).toEqual(['UNION']);
  });
  it('negates with except / 以外', () => {
    const f = plan('events from 203.0.113.45 except status 401').filters.find((x) => x.fields[0] === 'http_status')!;
    expect([f.op, f.values]).toEqual(['ne', [401]]);
  });
});
