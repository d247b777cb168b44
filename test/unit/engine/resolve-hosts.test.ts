import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { tempDir } from '../helpers/tmp';

// A Carbon Black EDR outbound connection from WKS-ACCT-07 at 10.20.30.47 (epoch 1791159166
// = 2026-10-05T01:32:46Z), and proxy lines from that address and from an unknown one.
const CB_NETCONN = JSON.stringify({
  type: 'ingress.event.netconn', timestamp: 1791159166, computer_name: 'WKS-ACCT-07', pid: 4120,
  process_path: 'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe', protocol: 6,
  direction: 'outbound', remote_ip: '203.0.113.50', remote_port: 80, local_ip: '10.20.30.47', local_port: 51734,
});
const squid = (epoch: number, client: string): string =>
  `${epoch}.000     68 ${client} TCP_MISS/200 3705 GET http://invoice-portal.example/請求書.doc - HIER_DIRECT/203.0.113.50 application/msword`;

async function caseWith(dir: string, files: Record<string, string>): Promise<CaseStore> {
  const store = await CaseStore.create(path.join(dir, 'c.tlcase'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    await ingestFile(store, { path: file, timezone: 'UTC' });
  }
  return store;
}

function proxyHosts(store: CaseStore) {
  return store.all<{ src_ip: string; host: string | null; host_resolved: number; time: string }>(
    "SELECT src_ip, host, host_resolved, time FROM events WHERE source_format = 'squid' ORDER BY source_line",
  );
}

describe('IP-to-host resolution from EDR data', () => {
  it('names the EDR host on proxy events from its address, marked as resolved', async () => {
    const store = await caseWith(tempDir(), {
      'cb.jsonl': `${CB_NETCONN}\n`,
      'access.log': [squid(1791159170, '10.20.30.47'), squid(1791159171, '10.20.30.99')].join('\n'),
    });
    expect(proxyHosts(store).map((r) => [r.src_ip, r.host, r.host_resolved])).toEqual([
      ['10.20.30.47', 'WKS-ACCT-07', 1],
      ['10.20.30.99', null, 0],
    ]);
    // The EDR event's own host is the source's, not a resolution.
    expect(store.scalar("SELECT host_resolved FROM events WHERE source_format = 'carbonblack-edr'")).toBe(0);
    store.close();
  });

  it('also resolves proxy events ingested before the EDR data', async () => {
    const store = await caseWith(tempDir(), {
      'access.log': squid(1791159170, '10.20.30.47'),
      'cb.jsonl': `${CB_NETCONN}\n`,
    });
    expect(proxyHosts(store)[0]).toMatchObject({ host: 'WKS-ACCT-07', host_resolved: 1 });
    store.close();
  });

  it('does not use a mapping far outside the time the EDR saw it (DHCP reassigns addresses)', async () => {
    const weekLater = 1791159166 + 7 * 86400;
    const store = await caseWith(tempDir(), {
      'cb.jsonl': `${CB_NETCONN}\n`,
      'access.log': squid(weekLater, '10.20.30.47'),
    });
    expect(proxyHosts(store)[0]).toMatchObject({ host: null, host_resolved: 0 });
    store.close();
  });
});
