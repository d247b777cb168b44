// The proxy / web / timeline formats through the real pipeline: file -> sniff -> reader -> case.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { eventDetail } from '../../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../../electron/engine/store/event-pages';
import { repoRoot, samplePath } from '../../helpers/samples';
import { tempDir } from '../../helpers/tmp';

const fixture = (name: string) => path.join(repoRoot, 'test/fixtures/proxy', name);

const FILES: readonly (readonly [string, string, number])[] = [
  [fixture('ncsa_combined.log'), 'ncsa-access', 5],
  [fixture('iis_w3c.log'), 'iis-w3c', 6],
  [samplePath('plaso_l2tcsv', 'plaso_end_to_end_l2tcsv_time_zone.csv'), 'plaso-l2tcsv', 19],
  [samplePath('plaso_json_line', 'plaso_end_to_end_json_line.jsonl'), 'plaso-json-line', 20],
  [samplePath('plaso_json_line', 'plaso_end_to_end_json.json'), 'plaso-json', 20],
  [samplePath('timesketch_csv', 'timesketch_evtx_part.csv'), 'timesketch-csv', 13],
  [samplePath('timesketch_jsonl', 'timesketch_sigma_events.jsonl'), 'timesketch-jsonl', 4],
  [samplePath('bluecoat_proxysg_elff', 'azsentinel_SymantecProxySG_syslogmessage_excerpt.log'), 'bluecoat-elff', 9],
  [fixture('zscaler_nss_web.csv'), 'zscaler-nss-web', 3],
];

describe('ingest of proxy, web and timeline files', () => {
  it('each file: its format, all events, no rejects', async () => {
    const store = await CaseStore.create(path.join(tempDir(), 'c.tlcase'), { timezone: 'Asia/Tokyo' });
    for (const [file, format, events] of FILES) {
      const ev = await ingestFile(store, { path: file, timezone: 'Asia/Tokyo' });
      expect([path.basename(file), ev.format, ev.events, ev.rejected]).toEqual([path.basename(file), format, events, 0]);
    }
    store.close();
  });

  it('a multi-line Timesketch CSV record keeps its whole text as the original', async () => {
    const store = await CaseStore.create(path.join(tempDir(), 'c.tlcase'), { timezone: 'UTC' });
    await ingestFile(store, { path: samplePath('timesketch_csv', 'timesketch_evtx_part.csv'), timezone: 'UTC' });
    const [first] = firstEvents(store, undefined, 1);
    const detail = eventDetail(store, Number(first!.id));
    expect(detail.original!.startsWith('35,WKS-WIN764BITB.shieldbase.local,windows:evtx:record,')).toBe(true);
    expect(detail.original!.trimEnd().endsWith('</Event>\n",')).toBe(true);
    expect(detail.provenance.line).toBe(2);
    store.close();
  });
});
