// The EDR and Windows text formats through the real pipeline: file -> sniff -> reader -> case.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { eventDetail } from '../../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../../electron/engine/store/event-pages';
import { samplePath } from '../../helpers/samples';
import { tempDir } from '../../helpers/tmp';

const SAMPLES = [
  ['winevent_xml/crowdsec_windows-bf_4625.xml.log', 'windows-event-xml', 6],
  ['sysmon_json/otrf_cmd_bitsadmin_download_psh_script.jsonl', 'windows-event-json', 424],
  ['mde_json/otrf_GoldenSAML_Microsoft365DefenderEvents.jsonl', 'defender-hunting-jsonl', 9],
  ['carbonblack_cloud_json/cbc_sdk_enriched_event_search_results.json', 'carbonblack-cloud-json', 10],
  ['carbonblack_cloud_json/cbc_sdk_alert_v7_watchlist.json', 'carbonblack-cloud-json', 1],
  ['crowdstrike_falcon/azsentinel_CrowdStrike_FalconHost_AuditEvent_RawLogs.cef.txt', 'crowdstrike-falcon-cef', 56],
] as const;

describe('ingest of EDR and Windows text samples', () => {
  it('each sample: its format, all events, no rejects', async () => {
    const store = await CaseStore.create(path.join(tempDir(), 'c.tlcase'), { timezone: 'Asia/Tokyo' });
    for (const [rel, format, events] of SAMPLES) {
      const ev = await ingestFile(store, { path: samplePath(...rel.split('/')), timezone: 'Asia/Tokyo' });
      expect([rel, ev.format, ev.events, ev.rejected]).toEqual([rel, format, events, 0]);
    }
    store.close();
  });

  it('a JSON document record points at its exact bytes; a truncated document rejects its last record', async () => {
    const dir = tempDir();
    const store = await CaseStore.create(path.join(dir, 'c.tlcase'), { timezone: 'UTC' });
    const file = samplePath('carbonblack_cloud_json', 'cbc_sdk_enriched_event_search_results.json');
    await ingestFile(store, { path: file, timezone: 'UTC' });
    const [first] = firstEvents(store, undefined, 1);
    const detail = eventDetail(store, Number(first!.id));
    expect(JSON.parse(detail.original!)).toEqual((JSON.parse(readFileSync(file, 'utf8')) as { results: unknown[] }).results[0]);
    const cut = path.join(dir, 'cut.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(cut, text.slice(0, text.lastIndexOf('"event_guid"')));
    const ev = await ingestFile(store, { path: cut, timezone: 'UTC' });
    expect([ev.format, ev.events, ev.rejected]).toEqual(['carbonblack-cloud-json', 9, 1]);
    store.close();
  });

  it('a UTF-16LE Defender hunting API response (PowerShell 5 Out-File) ingests, original text intact', async () => {
    const dir = tempDir();
    const store = await CaseStore.create(path.join(dir, 'c.tlcase'), { timezone: 'UTC' });
    const row = { Timestamp: '2026-10-05T00:12:47.1010000Z', DeviceName: '経理-PC', ActionType: 'ConnectionSuccess', RemoteIP: '203.0.113.50', RemotePort: 80, InitiatingProcessFileName: 'powershell.exe' };
    const doc = JSON.stringify({ Schema: [{ Name: 'Timestamp', Type: 'DateTime' }], Results: [row, { ...row, RemotePort: 443 }] }, null, 2);
    const file = path.join(dir, 'hunting.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]));
    const ev = await ingestFile(store, { path: file, timezone: 'UTC' });
    expect([ev.format, ev.events, ev.rejected]).toEqual(['defender-hunting-json', 2, 0]);
    const [first] = firstEvents(store, undefined, 1);
    expect(first!.host).toBe('経理-PC');
    expect(JSON.parse(eventDetail(store, Number(first!.id)).original!)).toEqual(row);
    store.close();
  });
});
