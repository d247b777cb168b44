// Cases for the incident tests, built with the real CLI into one folder: scenario A (Emotet,
// October 2026), scenario B (Emotet with a spread, November 2026), the e2e incident (November
// 2026) and a phishing-access case written here (October 2026: one employee reaches a phishing
// document URL named in an indicator list kept in the case).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { keepIocFile, readIocFile } from '../../../electron/engine/detect/case-ioc-files';
import { REPO_ROOT, tracelight, type CliResult } from '../helpers/cli';

const INCIDENTS = path.join(REPO_ROOT, 'test', 'fixtures', 'incidents');
const E2E = path.join(REPO_ROOT, 'test', 'fixtures', 'e2e-incident');

export const PHISH_URL = 'http://secure-docs.example/share/見積書_1020.doc';
export const PHISH_HOST = '10.20.0.31';
export const PHISH_USER = 'kobayashi.rin';
export const PHISH_TIME = '2026-10-20T01:15:00.000Z';

export type CaseName = 'scenario-a' | 'scenario-b' | 'e2e' | 'phish';

function run(args: string[]): CliResult {
  const r = tracelight(args);
  if (r.code !== 0) throw new Error(`tracelight ${args[0]} failed (${r.code}): ${r.stderr}`);
  return r;
}

function files(dir: string, re: RegExp): string[] {
  return readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => path.join(dir, f));
}

const epoch = (iso: string) => (Date.parse(iso) / 1000).toFixed(3);

/** A Squid access log: ordinary browsing by three people and one access to the phishing URL. */
function phishLog(dir: string): { log: string; iocs: string } {
  const lines = [
    [PHISH_TIME.replace('15:00', '02:10'), '10.20.0.30', 'http://intranet.example/portal', 'suzuki.aoi'],
    [PHISH_TIME, PHISH_HOST, encodeURI(PHISH_URL), PHISH_USER],
    [PHISH_TIME.replace('15:00', '16:40'), '10.20.0.32', 'http://news.example/today', 'ito.kei'],
  ].map(([t, ip, url, user]) => `${epoch(t!)}     85 ${ip} TCP_MISS/200 48213 GET ${url} ${user} HIER_DIRECT/203.0.113.45 text/html`);
  const log = path.join(dir, 'squid-phish.log');
  writeFileSync(log, `${lines.join('\n')}\n`);
  const iocs = path.join(dir, 'phishing-report.txt');
  // As the phishing report gave it: defanged, the path percent-encoded as the proxy logged it.
  writeFileSync(iocs, `# フィッシング報告 2026-10-21\n${encodeURI(PHISH_URL).replace('http', 'hxxp').replace('.example', '[.]example')}\n`);
  return { log, iocs };
}

/** Builds the named cases into a fresh folder (removed after the test file). */
export async function buildCases(names: CaseName[]): Promise<{ dir: string; cases: Record<CaseName, string> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-incident-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const work = path.join(dir, 'inputs');
  mkdirSync(work);
  const cases = {} as Record<CaseName, string>;
  for (const name of names) {
    const c = path.join(dir, `${name}.tlcase`);
    cases[name] = c;
    if (name === 'scenario-a') {
      const src = path.join(INCIDENTS, 'scenario-a');
      run(['ingest', c, ...files(src, /^Device.*\.csv$|^squid/)]);
      run(['ingest', c, ...files(src, /^fortigate/), '--tz', 'Asia/Tokyo']);
    } else if (name === 'scenario-b') {
      const src = path.join(INCIDENTS, 'scenario-b');
      run(['ingest', c, ...files(src, /^sysmon|^bluecoat/)]);
      run(['ingest', c, ...files(src, /^panos/), '--tz', 'America/New_York']);
    } else if (name === 'e2e') {
      run(['ingest', c, ...files(E2E, /\.csv$|\.log$/)]);
    } else {
      const { log, iocs } = phishLog(work);
      run(['ingest', c, log, '--tz', 'Asia/Tokyo']);
      const session = await CaseSession.open(c, { examiner: '佐藤 花子' });
      try {
        keepIocFile(session, readIocFile(iocs, 'phishing-report.txt'));
      } finally {
        session.close();
      }
    }
  }
  return { dir, cases };
}

export function cli(args: string[]): CliResult {
  return tracelight(args);
}

export function cliJson<T>(args: string[]): T {
  const r = run([...args, '--json']);
  return JSON.parse(r.stdout) as T;
}
