import { it } from 'vitest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { keysetPage } from '../../../electron/engine/store/event-pages';
import { countEvents } from '../../../electron/engine/store/event-queries';
it('times', async () => {
  for (const w of ['outlook', 'outlook', 'rundll32']) {
    const store = await CaseStore.open('/work/main/.bench/workspace/million.tlcase', { writer: false });
    let t = performance.now();
    const n = countEvents(store, { query: w });
    const tCount = performance.now() - t; t = performance.now();
    const p = keysetPage(store, { filter: { query: w }, at: { kind: 'first' }, limit: 200 }).rows.length;
    const tPage = performance.now() - t; t = performance.now();
    const p2 = keysetPage(store, { filter: { query: w }, at: { kind: 'first' }, limit: 200 }).rows.length;
    const tPage2 = performance.now() - t;
    console.log(w, { n, tCount: tCount.toFixed(1), p, tPage: tPage.toFixed(1), p2, tPage2: tPage2.toFixed(1) });
    store.close();
  }
}, 120000);
