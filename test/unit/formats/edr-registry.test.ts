// Recognition through the registry, as ingest does it (sniffFile: head, encoding, every format):
// each real sample of the EDR and Windows text families is taken for its own format, and no
// other sample in shared/samples is taken for one of them.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFile } from '../../../electron/engine/ingest/sniff';
import { repoRoot, samplesRoot } from '../helpers/samples';

const MINE = new Set([
  'windows-event-xml',
  'winlogbeat-json',
  'windows-event-json',
  'defender-hunting-csv',
  'defender-hunting-jsonl',
  'defender-hunting-json',
  'carbonblack-cloud-json',
  'carbonblack-cloud-csv',
  'crowdstrike-falcon-cef',
  'crowdstrike-falcon-events-csv',
  'crowdstrike-falcon-events-jsonl',
  'crowdstrike-falcon-events-json',
]);

const EXPECTED: Record<string, string> = {
  'winevent_xml/crowdsec_windows-bf_4625.xml.log': 'windows-event-xml',
  'sysmon_json/otrf_cmd_bitsadmin_download_psh_script.jsonl': 'windows-event-json',
  'sysmon_json/otrf_cmd_mshta_vbscript_execute_psh.jsonl': 'windows-event-json',
  'mde_json/otrf_GoldenSAML_Microsoft365DefenderEvents.jsonl': 'defender-hunting-jsonl',
  'carbonblack_cloud_json/cbc_sdk_process_search_results.json': 'carbonblack-cloud-json',
  'carbonblack_cloud_json/cbc_sdk_enriched_event_search_results.json': 'carbonblack-cloud-json',
  'carbonblack_cloud_json/cbc_sdk_alert_v7_search_response.json': 'carbonblack-cloud-json',
  'carbonblack_cloud_json/cbc_sdk_alert_v7_watchlist.json': 'carbonblack-cloud-json',
  'crowdstrike_falcon/azsentinel_CrowdStrike_FalconHost_AuditEvent_RawLogs.cef.txt': 'crowdstrike-falcon-cef',
};

const FIXTURES: Record<string, string> = {
  'windows/winlogbeat_events.jsonl': 'winlogbeat-json',
  'defender/DeviceProcessEvents.csv': 'defender-hunting-csv',
  'defender/DeviceNetworkEvents.csv': 'defender-hunting-csv',
  'defender/DeviceFileEvents.csv': 'defender-hunting-csv',
  'defender/DeviceRegistryEvents.csv': 'defender-hunting-csv',
  'defender/DeviceEvents.csv': 'defender-hunting-csv',
  'carbonblack_cloud/alerts_export.csv': 'carbonblack-cloud-csv',
  'crowdstrike/event_search.csv': 'crowdstrike-falcon-events-csv',
  'crowdstrike/event_search.json': 'crowdstrike-falcon-events-json',
};

function sniffedId(file: string): string | null {
  try {
    return sniffFile(file, path.basename(file), statSync(file).size).format.id;
  } catch {
    return null; // not recognised by any format (or not text)
  }
}

function allSamples(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...allSamples(full, r));
    else if (rel !== '') out.push(r);
  }
  return out;
}

describe('EDR and Windows text formats: recognition through the registry', () => {
  for (const [rel, id] of Object.entries(EXPECTED)) {
    it(`sample ${rel} -> ${id}`, () => expect(sniffedId(path.join(samplesRoot, rel))).toBe(id));
  }
  for (const [rel, id] of Object.entries(FIXTURES)) {
    it(`fixture ${rel} -> ${id}`, () => expect(sniffedId(path.join(repoRoot, 'test/fixtures', rel))).toBe(id));
  }
  it('no other sample is taken for one of these formats', () => {
    const others = allSamples(samplesRoot).filter((rel) => !(rel in EXPECTED));
    expect(others.length).toBeGreaterThan(20);
    const wrong = others.map((rel) => [rel, sniffedId(path.join(samplesRoot, rel))] as const).filter(([, id]) => id !== null && MINE.has(id));
    expect(wrong).toEqual([]);
  });
});
