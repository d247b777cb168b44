import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineVote } from '../../../electron/engine/formats/line-vote';
import { FORMATS, findFormat, sniffFormat } from '../../../electron/engine/formats/registry';
import { readSampleLines, repoRoot, samplePath, samplesRoot, sniffLines, textSample } from '../helpers/samples';

/** Sample directories of the formats registered here. */
const OWN: Record<string, string> = {
  squid: 'squid_native',
  fortigate: 'fortigate_kv',
  'carbonblack-edr': 'carbonblack_edr_json',
  'zeek-tsv': 'zeek_tsv',
  'zeek-json': 'zeek_json',
  'pfsense-filterlog': 'pfsense_filterlog',
  'cisco-asa': 'cisco_asa_syslog',
  'panos-csv': 'paloalto_csv',
  'netfilter-log': 'iptables_syslog',
  'windows-firewall': 'winfw_pfirewall',
};

function sniffFile(file: string) {
  const text = readFileSync(file).toString('utf8');
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  return sniffFormat(textSample(path.basename(file), lines));
}

describe('registry', () => {
  it('lists each format once, with its description', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(Object.keys(OWN)));
    for (const f of FORMATS) {
      for (const field of [f.name, f.family, f.description, f.timeSemantics]) expect(field.length).toBeGreaterThan(0);
    }
  });

  it('finds formats by id', () => {
    expect(findFormat('squid')?.id).toBe('squid');
    expect(findFormat('fortigate')?.id).toBe('fortigate');
    expect(findFormat('carbonblack-edr')?.id).toBe('carbonblack-edr');
    expect(findFormat('nope')).toBeUndefined();
    expect(findFormat('')).toBeUndefined();
  });

  for (const [id, dir] of Object.entries(OWN)) {
    for (const file of readdirSync(samplePath(dir))) {
      it(`sniffs ${dir}/${file} as ${id} and not as the others`, () => {
        const lines = sniffLines(readSampleLines(dir, file));
        const found = sniffFormat(textSample(file, lines));
        expect(found?.format.id).toBe(id);
        expect(found!.confidence).toBeGreaterThanOrEqual(0.5);
        for (const other of FORMATS.filter((f) => f.id !== id)) {
          expect(other.sniff(textSample(file, lines)), `${other.id} on ${file}`).toBeLessThan(0.5);
        }
      });
    }
  }

  it('sniffs the documentation-written CB EDR endpoint fixtures as carbonblack-edr', () => {
    expect(sniffFile(path.join(repoRoot, 'test/fixtures/carbonblack_edr/ingress_events.jsonl'))?.format.id).toBe('carbonblack-edr');
  });

  it('claims none of the other real samples (other products, binaries included)', () => {
    const claimed: string[] = [];
    let checked = 0;
    for (const dir of readdirSync(samplesRoot)) {
      const full = path.join(samplesRoot, dir);
      if (!statSync(full).isDirectory() || Object.values(OWN).includes(dir)) continue;
      for (const file of readdirSync(full)) {
        const mine = FORMATS.filter((f) => Object.keys(OWN).includes(f.id));
        const text = readFileSync(path.join(full, file)).toString('utf8');
        const lines = sniffLines(text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)));
        checked++;
        for (const f of mine) if (f.sniff(textSample(file, lines)) >= 0.5) claimed.push(`${f.id} claimed ${dir}/${file}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(claimed).toEqual([]);
  });

  it('does not claim a JSON line of another product, plain text or binary garbage', () => {
    // A Zeek http.log JSON line is a known format now (zeek-json), not another product's.
    const zeek = '{"ts":1588205201.123,"uid":"CHhAvVGS1DHFjwGM9","id_orig_h":"10.0.1.5","id_resp_h":"10.0.0.4","method":"GET","host":"example.com"}';
    expect(sniffFormat(textSample('x.log', [zeek]))?.format.id).toBe('zeek-json');
    const samples: string[][] = [
      ['{"EventID":1,"Hostname":"WORKSTATION5","Image":"C:\\\\Windows\\\\System32\\\\cmd.exe","@timestamp":"2020-10-23T02:36:43.547Z"}'],
      ['The quick brown fox jumps over the lazy dog; date=today time=now type=prose'],
      ['Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt'],
      [String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 37 + 11) % 256))],
      ['\u0000\u0000\u0000\u0000ElfChnk\u0000\u0001\ufffd\ufffd\ufffd'],
    ];
    for (const lines of samples) expect(sniffFormat(textSample('x.log', lines))).toBeNull();
  });

  it('sniff policy: the first line must fit, and at least half of all lines', () => {
    const fits = (l: string) => l.startsWith('ok');
    expect(lineVote(['ok', 'ok', 'ok'], fits)).toBe(0.95);
    expect(lineVote(['ok', 'bad', 'ok', 'ok'], fits)).toBeCloseTo(0.95 * 0.9);
    expect(lineVote(['ok', 'bad', 'ok', 'bad'], fits)).toBeCloseTo(0.95 * 0.8);
    expect(lineVote(['ok', 'bad', 'bad'], fits)).toBe(0);
    expect(lineVote(['bad', 'ok', 'ok', 'ok'], fits)).toBe(0);
    expect(lineVote([], fits)).toBe(0);
  });

  it('returns null for an empty sample', () => {
    expect(sniffFormat(textSample('x', []))).toBeNull();
  });
});
