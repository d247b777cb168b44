// Indicator lists dropped with logs are recognized by content and become IOC files; no log
// sample is ever taken for one.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { listIocFiles } from '../../../electron/engine/detect/case-ioc-files';
import { SNIFF_BYTES, sniffIndicatorFile } from '../../../electron/engine/detect/ioc/sniff';
import { keepIfIndicatorFile } from '../../../electron/engine/rpc/indicator-intake';
import { buildCase } from '../custody/helpers';
import { samplesRoot } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const FIXTURES = path.resolve('test/fixtures/indicators');
const SAMPLES = samplesRoot;

function sniffFile(file: string) {
  const bytes = readFileSync(file);
  return sniffIndicatorFile(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('indicator files are recognized by content', () => {
  it('a plain list, a C2 CSV feed with a commented header, a STIX bundle and a MISP event', () => {
    expect(sniffFile(path.join(FIXTURES, 'iocs.txt'))).toBe('plain');
    expect(sniffFile(path.join(FIXTURES, 'c2_feed.csv'))).toBe('csv');
    expect(sniffFile(path.join(FIXTURES, 'stix-bundle.json'))).toBe('stix');
    expect(sniffFile(path.join(FIXTURES, 'misp-event.json'))).toBe('misp');
  });

  it('every VMware TAU Emotet IoC CSV (time columns and all) is an indicator feed', () => {
    const dir = path.join(SAMPLES, 'emotet_ioc');
    for (const name of readdirSync(dir)) expect(sniffFile(path.join(dir, name)), name).toBe('csv');
  });

  it('no log sample is taken for an indicator list', () => {
    const notLogs = ['emotet_ioc', 'stix', 'misp_galaxy', 'sigma'];
    const logs = filesUnder(SAMPLES).filter((p) => {
      const rel = path.relative(SAMPLES, p);
      return rel.includes(path.sep) && !notLogs.includes(rel.split(path.sep)[0]!) && !/LICENSE|README/i.test(rel);
    });
    expect(logs.length).toBeGreaterThan(30);
    const taken = logs.filter((p) => sniffFile(p) !== null).map((p) => path.relative(SAMPLES, p));
    expect(taken).toEqual([]);
  });

  it('a firewall or proxy CSV with addresses is a log, not a feed', () => {
    const log = (text: string) => sniffIndicatorFile(Buffer.from(text), true);
    expect(log('time,src_ip,dst_ip,dst_port,action\n2026-10-05 09:12:41,10.0.0.5,203.0.113.50,8080,allow\n')).toBeNull();
    expect(log('date,user,url,status\n2026-10-05,tanaka,http://evil.example/a.doc,200\n')).toBeNull();
    // A list with sentences is notes, not indicators.
    expect(log('we saw 203.0.113.50 talking to the proxy at night\n')).toBeNull();
    // JSON Lines (a log) are not a document.
    expect(log('{"type":"bundle"}\n{"type":"bundle"}\n')).toBeNull();
  });
});

describe('dropped indicator files become the case IOC files', () => {
  it('keeps the file once under custody; a log is left for ingest', async () => {
    const dir = tempDir();
    const s = await CaseSession.open(await buildCase(dir), { examiner: '佐藤 次郎' });
    const before = s.chain.count;
    const kept = keepIfIndicatorFile(s, path.join(FIXTURES, 'c2_feed.csv'), 'c2_feed.csv');
    expect(kept).toMatchObject({ name: 'c2_feed.csv', format: 'csv', indicators: 2, alreadyKept: false });
    expect(listIocFiles(s.store).map((f) => f.name)).toEqual(['c2_feed.csv']);
    expect(s.entries().at(-1)!.action).toBe('ioc.added');
    expect(s.chain.count).toBe(before + 1);

    const again = keepIfIndicatorFile(s, path.join(FIXTURES, 'c2_feed.csv'), 'feed-copy.csv');
    expect(again?.alreadyKept).toBe(true);
    expect(s.chain.count).toBe(before + 1);

    const log = path.join(dir, 'fw.csv');
    writeFileSync(log, 'time,src_ip,dst_ip,dst_port,action\n2026-10-05 09:12:41,10.0.0.5,203.0.113.50,8080,allow\n');
    expect(keepIfIndicatorFile(s, log, 'fw.csv')).toBeNull();
    s.close();
  });
});
