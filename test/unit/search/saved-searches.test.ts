import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../../../electron/engine/custody/saved-searches';
import { countEvents } from '../../../electron/engine/store/event-queries';
import { tempDir } from '../helpers/tmp';
import { buildCase } from '../custody/helpers';

describe('saved searches', () => {
  it('are custody entries: listed, replayed after reopening, deleted with a record of what', async () => {
    const casePath = await buildCase(tempDir());
    const s = await CaseSession.open(casePath, { examiner: '山本 彩' });
    const saved = saveSearch(s, '  プロキシの 200 応答 ', 'http_status:200 -url:*.png');
    expect(saved).toMatchObject({ name: 'プロキシの 200 応答', query: 'http_status:200 -url:*.png', examiner: '山本 彩' });
    expect(countEvents(s.store, { query: saved.query })).toBeGreaterThan(0);
    expect(() => saveSearch(s, 'broken', 'dst_port:[1 TO')).toThrow(/column 15/);
    expect(() => saveSearch(s, '', 'a')).toThrow(/needs a name/);
    s.close();

    const again = await CaseSession.open(casePath, { examiner: 'B' });
    expect(listSavedSearches(again.store).map((x) => x.name)).toEqual(['プロキシの 200 応答']);
    deleteSavedSearch(again, saved.id);
    expect(listSavedSearches(again.store)).toEqual([]);
    const actions = again.entries().map((e) => e.action);
    expect(actions).toContain('search.saved');
    expect(actions).toContain('search.deleted');
    expect(JSON.parse(again.entries().find((e) => e.action === 'search.deleted')!.details)).toMatchObject({ name: 'プロキシの 200 応答', query: 'http_status:200 -url:*.png' });
    again.close();
  });
});
