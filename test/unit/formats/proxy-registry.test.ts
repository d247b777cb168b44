// The proxy / web / timeline formats through the real registry: each of their samples and
// fixtures is recognised as that format, and no other sample is claimed by any of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../electron/engine/formats/registry';
import { PROXY_FORMATS } from '../../../electron/engine/formats/proxy';
import type { SniffSample } from '../../../electron/engine/formats/types';
import { detectEncoding, NotTextError } from '../../../electron/engine/ingest/encoding';
import { headLines, readHead } from '../../../electron/engine/ingest/sniff';
import { repoRoot, samplePath, samplesRoot } from '../helpers/samples';

const FIXTURES = path.join(repoRoot, 'test/fixtures/proxy');

/** Files of each format: shared samples and documentation-written fixtures. */
const OWN: Record<string, string[]> = {
  'ncsa-access': ['ncsa_common.log', 'ncsa_combined.log', 'ncsa_vhost_combined.log'].map((f) => path.join(FIXTURES, f)),
  'iis-w3c': [path.join(FIXTURES, 'iis_w3c.log')],
  'plaso-l2tcsv': ['plaso_end_to_end_l2tcsv.csv', 'plaso_end_to_end_l2tcsv_time_zone.csv'].map((f) => samplePath('plaso_l2tcsv', f)),
  'plaso-json-line': [samplePath('plaso_json_line', 'plaso_end_to_end_json_line.jsonl')],
  'plaso-json': [samplePath('plaso_json_line', 'plaso_end_to_end_json.json')],
  'timesketch-csv': ['timesketch_evtx_part.csv', 'timesketch_evtx_direct.csv'].map((f) => samplePath('timesketch_csv', f)),
  'timesketch-jsonl': [samplePath('timesketch_jsonl', 'timesketch_sigma_events.jsonl')],
  'bluecoat-elff': [
    samplePath('bluecoat_proxysg_elff', 'azsentinel_SymantecProxySG_syslogmessage_excerpt.log'),
    path.join(FIXTURES, 'bluecoat_elff_main.log'),
    path.join(FIXTURES, 'bluecoat_syslog.log'),
  ],
  'zscaler-nss-web': [path.join(FIXTURES, 'zscaler_nss_web.csv')],
};

/** The SniffSample the ingest pipeline builds for a file (its head, decoded lines). */
function pipelineSample(file: string): SniffSample {
  const head = readHead(file);
  let lines: string[] = [];
  try {
    lines = headLines(head, detectEncoding(head), head.length >= statSync(file).size);
  } catch (err) {
    if (!(err instanceof NotTextError)) throw err;
  }
  return { fileName: path.basename(file), head, lines };
}

const ownFiles = new Set(Object.values(OWN).flat());

describe('proxy/web/timeline formats in the registry', () => {
  it('registers every format of this family with its documentation', () => {
    expect(PROXY_FORMATS.map((f) => f.id).sort()).toEqual(Object.keys(OWN).sort());
    for (const f of PROXY_FORMATS) {
      expect(['web', 'proxy', 'timeline']).toContain(f.family);
      for (const field of [f.name, f.description, f.timeSemantics]) expect(field.length).toBeGreaterThan(10);
    }
  });

  for (const [id, files] of Object.entries(OWN)) {
    for (const file of files) {
      it(`sniffs ${path.basename(file)} as ${id}`, () => {
        const found = sniffFormat(pipelineSample(file));
        expect(found?.format.id).toBe(id);
        expect(found!.confidence).toBeGreaterThanOrEqual(0.5);
      });
    }
  }

  it('claims none of the other shared samples', () => {
    const claimed: string[] = [];
    let checked = 0;
    for (const dir of readdirSync(samplesRoot)) {
      const full = path.join(samplesRoot, dir);
      if (!statSync(full).isDirectory()) continue;
      for (const name of readdirSync(full)) {
        const file = path.join(full, name);
        if (ownFiles.has(file)) continue;
        checked++;
        const sample = pipelineSample(file);
        for (const f of PROXY_FORMATS) if (f.sniff(sample) >= 0.5) claimed.push(`${f.id} claimed ${dir}/${name}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(claimed).toEqual([]);
  });

  it('is not claimed across: no format of this family takes another one of its files', () => {
    const crossed: string[] = [];
    for (const [id, files] of Object.entries(OWN)) {
      for (const file of files) {
        const sample = pipelineSample(file);
        for (const f of PROXY_FORMATS) if (f.id !== id && f.sniff(sample) >= 0.5) crossed.push(`${f.id} claimed ${path.basename(file)}`);
      }
    }
    expect(crossed).toEqual([]);
  });

  it('leaves blank-line-only and binary-looking input alone', () => {
    const empty: SniffSample = { fileName: 'x', head: new Uint8Array(0), lines: [] };
    const binary: SniffSample = { fileName: 'x', head: readFileSync(samplePath('evtx', 'omerbenamram_new-user-security.evtx')).subarray(0, 4096), lines: [] };
    for (const f of PROXY_FORMATS) {
      expect(f.sniff(empty)).toBe(0);
      expect(f.sniff(binary)).toBe(0);
    }
  });
});
