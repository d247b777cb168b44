import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTag, removeTag } from '../../../electron/engine/custody/actions';
import { CaseSession } from '../../../electron/engine/custody/session';
import { addComment, bulkTag, eventAnnotations, setStar } from '../../../electron/engine/investigate/annotations';
import { tempDir } from '../helpers/tmp';
import { caseWith, incidentFiles } from './helpers';

const tagged = (s: CaseSession, label: string) =>
  s.store.all<{ event_id: number }>('SELECT event_id FROM tag WHERE label = ? AND removed_at IS NULL ORDER BY event_id', [label]).map((r) => r.event_id);

describe('stars, bulk tags and threaded comments', () => {
  it('a star is the tag "starred", toggled through the custody log', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    setStar(s, 5, true);
    expect(setStar(s, 5, true)).toBeNull(); // already starred: nothing recorded
    expect(eventAnnotations(s.store, 5).starred).toBe(true);
    setStar(s, 5, false);
    expect(eventAnnotations(s.store, 5).starred).toBe(false);
    expect(s.entries().slice(-2).map((e) => e.action)).toEqual(['tag.added', 'tag.removed']);
    s.close();
  });

  it('bulk tags the events of a query (through whereClause) once, skipping events that already carry the label', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const expected = s.store.all<{ id: number }>("SELECT id FROM events WHERE dst_ip = '203.0.113.10' ORDER BY id").map((x) => x.id);
    addTag(s, expected[0]!, 'evidence');
    const r = bulkTag(s, 'Evidence', { filter: { text: '203.0.113.10' } });
    expect(r.label).toBe('evidence'); // the standard label's spelling
    expect(r.matched).toBe(expected.length);
    expect(r.tagged).toBe(expected.length - 1);
    expect(tagged(s, 'evidence')).toEqual(expected);
    const entry = s.entries().at(-1)!;
    expect(entry.action).toBe('tag.bulkAdded');
    expect(JSON.parse(entry.details).eventIds).toEqual(expected.slice(1));
    // Again: nothing new, nothing recorded.
    const count = s.entries().length;
    expect(bulkTag(s, 'evidence', { filter: { text: '203.0.113.10' } }).tagged).toBe(0);
    expect(s.entries().length).toBe(count);
    s.close();
  });

  it('bulk tags a selected range of ids, ignoring ids that are not events; a bulk tag can be removed one event at a time', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const r = bulkTag(s, '要確認', { eventIds: [3, 4, 5, 99999] });
    expect(r).toMatchObject({ matched: 3, tagged: 3 });
    const tagId = eventAnnotations(s.store, 4).tags.find((t) => t.label === '要確認')!.id;
    removeTag(s, tagId);
    expect(tagged(s, '要確認')).toEqual([3, 5]);
    // A later single tag.added takes its entry id as tag id and never meets a bulk row's id.
    addTag(s, 4, '要確認');
    expect(tagged(s, '要確認')).toEqual([3, 4, 5]);
    s.close();
  });

  it('threads replies under the comment they answer, in Japanese, and refuses a reply across events', async () => {
    const s = await caseWith(tempDir(), incidentFiles);
    const root = addComment(s, 7, 'C2 への定期通信。5 分間隔。');
    const reply = addComment(s, 7, '同じ宛先が wks-hr-02 にもあるか確認します', root.id);
    addComment(s, 7, '確認済み：なし', reply.id);
    addComment(s, 7, '別の論点');
    expect(() => addComment(s, 8, 'x', root.id)).toThrow(/belongs to event 7/);
    const threads = eventAnnotations(s.store, 7).comments;
    expect(threads.map((c) => c.text)).toEqual(['C2 への定期通信。5 分間隔。', '別の論点']);
    expect(threads[0]!.replies[0]!.text).toBe('同じ宛先が wks-hr-02 にもあるか確認します');
    expect(threads[0]!.replies[0]!.replies[0]!.text).toBe('確認済み：なし');
    expect(threads[0]!.replies[0]!.examiner).toBe('Examiner A');
    s.close();
  });

  it('replaying the journal after a crash rebuilds bulk tags and replies exactly, and the chain verifies', async () => {
    const dir = tempDir();
    let s = await caseWith(dir, incidentFiles);
    s.checkpoint();
    const c = path.join(dir, 'c.tlcase');
    const saved = readFileSync(c);
    const root = addComment(s, 7, '最初のコメント');
    addComment(s, 7, '返信', root.id);
    bulkTag(s, 'suspicious', { eventIds: [1, 2, 3] });
    const before = {
      tags: s.store.all('SELECT id, event_id, label FROM tag ORDER BY id'),
      notes: s.store.all('SELECT id, parent_id, event_id FROM note ORDER BY id'),
    };
    // Crash: the journal holds the entries, the case file is the older one.
    s.store.close();
    writeFileSync(c, saved);
    rmSync(`${c}.lock`);
    for (let i = 0; i < 2; i++) {
      s = await CaseSession.open(c, { examiner: 'B', recordOpen: false });
      expect(s.chain.ok).toBe(true);
      expect(s.store.all('SELECT id, event_id, label FROM tag ORDER BY id')).toEqual(before.tags);
      expect(s.store.all('SELECT id, parent_id, event_id FROM note ORDER BY id')).toEqual(before.notes);
      expect(eventAnnotations(s.store, 7).comments[0]!.replies[0]!.text).toBe('返信');
      s.close();
    }
  });
});
