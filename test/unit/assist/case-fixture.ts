// The Emotet case of test/fixtures/incidents/scenario-a, ingested once per test file through
// the CLI (as an analyst would), for the assistant's tests.
import path from 'node:path';
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
