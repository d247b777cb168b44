// The workspace's reads answered by reader threads (rpc/readers/): the same answers as the
// engine's own thread gives, an examiner's action visible to the next read, and reads taken
// while saves write the case in place never seeing half of one.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTag } from '../../../electron/engine/custody/actions';
import { CaseHost } from '../../../electron/engine/rpc/case-host';
import { READ_METHODS } from '../../../electron/engine/rpc/readers/read-methods';
import { setReaderScript } from '../../../electron/engine/rpc/readers/reader-pool';
import { buildCase } from '../custody/helpers';
import { tempDir } from '../helpers/tmp';
import { buildWorkerBundle } from '../helpers/worker-bundle';

const REPO_ROOT = path.resolve(__dirname, '../../..');
let host: CaseHost;
let script = '';

beforeAll(async () => {
  // The reader as the build writes it, from the sources under test; inside the repository, so
  // that it finds sql.js (and the vendored build under dist/) as the built app does.
  script = path.join(REPO_ROOT, 'node_modules', '.cache', 'tracelight-test', `reader-thread-${process.pid}.mjs`);
  await buildWorkerBundle('electron/engine/rpc/readers/reader-thread.ts', script);
  setReaderScript(script);
  host = new CaseHost(() => 'Examiner A');
  await host.openCase(await buildCase(tempDir()));
}, 60_000);

afterAll(() => {
  host.closeSession();
  setReaderScript(undefined);
  rmSync(script, { force: true });
});

describe('reader threads', () => {
  it('answer grid pages, counts, facets and the histogram as the engine thread does', async () => {
    const store = host.currentCase!;
    const filter = { query: 'TCP_MISS OR dst_port:443' };
    expect(await host.read('events.count', { filter })).toBe(READ_METHODS['events.count'](store, { filter }));
    const page = { filter, sort: { column: 'time' as const }, at: { kind: 'first' as const }, limit: 50 };
    expect(await host.read('events.keyset', page)).toEqual(READ_METHODS['events.keyset'](store, page));
    const facets = await host.read('facets.counts', { limit: 5 });
    expect(facets.facets).toEqual(READ_METHODS['facets.counts'](store, { limit: 5 }).facets);
    expect(await host.read('histogram.get', { stack: 'category' })).toEqual(READ_METHODS['histogram.get'](store, { stack: 'category' }));
    // Answered by the reader threads (pages; counts; facets; the histogram), not by this one.
    expect(host.readerThreads).toBe(4);
  });

  it('show an examiner\'s action to the very next read, and never half of a save', async () => {
    const ids = (await host.read('events.keyset', { at: { kind: 'first' }, limit: 40 })).rows.map((r) => Number(r.id));
    const seen: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      // A read in flight while the save of the tag writes the case in place.
      const during = host.read('events.count', { filter: { query: 'tag:burst' } });
      await host.act((s) => addTag(s, ids[i]!, 'burst'));
      seen.push(await during);
      // Answered after the action was: it is there.
      expect(await host.read('events.count', { filter: { query: 'tag:burst' } })).toBe(i + 1);
    }
    // Each read saw a whole save: the count before or after that tag, nothing else.
    seen.forEach((n, i) => expect([i, i + 1]).toContain(n));
    const tagged = await host.read('events.keyset', { filter: { query: 'tag:burst' }, at: { kind: 'first' }, limit: 100 });
    expect(tagged.rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });
});
