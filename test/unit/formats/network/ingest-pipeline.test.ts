// The firewall and network-monitoring samples through the real pipeline:
// file -> encoding and format sniff -> line reader -> parser -> case.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { samplePath } from '../../helpers/samples';
import { tempDir } from '../../helpers/tmp';

const SAMPLES = [
  ['zeek_tsv/otrf_lsass05_conn.log', 'zeek-tsv', 895, 0],
  ['zeek_tsv/otrf_lsass05_dns.log', 'zeek-tsv', 2872, 0],
  ['zeek_tsv/otrf_lsass05_http.log', 'zeek-tsv', 3, 0],
  ['zeek_json/otrf_apt29d1_NASHUA_conn.log', 'zeek-json', 479, 0],
  ['zeek_json/otrf_apt29d1_SCRANTON_dns.log', 'zeek-json', 32, 0],
  ['zeek_json/otrf_apt29d1_SCRANTON_http.log', 'zeek-json', 62, 0],
  ['pfsense_filterlog/crowdsec_pf-logs.log', 'pfsense-filterlog', 9, 0],
  ['pfsense_filterlog/crowdsec_pfsense-rfc5424-filterlog.log', 'pfsense-filterlog', 4, 0],
  ['cisco_asa_syslog/logscale_asa_syslog.log', 'cisco-asa', 18, 0],
  ['paloalto_csv/logscale_pan_traffic.log', 'panos-csv', 9, 0],
  ['paloalto_csv/crowdsec_palo-alto-threat.log', 'panos-csv', 2, 0],
  ['iptables_syslog/crowdsec_iptables-scan-multi-port.log', 'netfilter-log', 49, 0],
  // Line 3 writes XX= where the LOG target always writes IN=: the manifest's deliberately broken line.
  ['iptables_syslog/crowdsec_iptables-logs.log', 'netfilter-log', 3, 1],
  ['iptables_syslog/crowdsec_proxmox-iptables.log', 'netfilter-log', 10, 0],
  ['winfw_pfirewall/plaso_windows_firewall.log', 'windows-firewall', 15, 0],
] as const;

describe('ingest of firewall and network-monitoring samples', () => {
  it('each sample: its format id, all events, only the deliberately broken line rejected', async () => {
    const store = await CaseStore.create(path.join(tempDir(), 'c.tlcase'), { timezone: 'Asia/Tokyo' });
    for (const [rel, format, events, rejected] of SAMPLES) {
      const ev = await ingestFile(store, { path: samplePath(...rel.split('/')), timezone: 'Asia/Tokyo' });
      expect([rel, ev.format, ev.events, ev.rejected]).toEqual([rel, format, events, rejected]);
    }
    const rejects = store.all<{ line: number; reason: string }>('SELECT line, reason FROM rejected_record');
    expect(rejects).toEqual([{ line: 3, reason: 'netfilter packet record without IN= (the LOG target always writes IN= and OUT=)' }]);
    store.close();
  });
});
