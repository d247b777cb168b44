import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { addNote, addTag, editCase, editEvidence, editNote, removeTag } from '../../../electron/engine/custody/actions';
import { listBookmarks, noteHistory } from '../../../electron/engine/custody/bookmarks';
import { CaseSession } from '../../../electron/engine/custody/session';
import { verifyEvidence } from '../../../electron/engine/custody/verify-evidence';
import { tempDir } from '../helpers/tmp';
import { buildCase, FORTIGATE, inspect } from './helpers';

const JA = '請求書マクロから PowerShell が起動。C2 への通信を確認（要報告）';

describe('tags, notes and history', () => {
  it('a Japanese note survives save and reopen, its edits are kept as history, and it is searchable', async () => {
    const c = await buildCase(tempDir());
    let s = await CaseSession.open(c, { examiner: '鈴木 花子' });
    const note = addNote(s, 2, JA);
    editNote(s, note.id, `${JA} 追記あり`);
    const tag = addTag(s, 2, 'ioc');
    s.close();

    s = await inspect(c);
    const marks = listBookmarks(s.store, 'PowerShell が起動');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.event.id).toBe(2);
    expect(marks[0]!.notes[0]!.text).toBe(`${JA} 追記あり`);
    expect(marks[0]!.notes[0]!.revisions).toBe(2);
    expect(marks[0]!.tags.map((t) => t.label)).toEqual(['IOC']);
    expect(noteHistory(s.store, note.id).map((r) => [r.text, r.examiner])).toEqual([
      [JA, '鈴木 花子'],
      [`${JA} 追記あり`, '鈴木 花子'],
    ]);
    expect(listBookmarks(s.store, '存在しない語')).toHaveLength(0);
    expect(listBookmarks(s.store)).toHaveLength(2); // event 1 (buildCase) and event 2
    s.close();

    s = await CaseSession.open(c, { examiner: 'x' });
    removeTag(s, tag.id);
    s.close();
    s = await inspect(c);
    expect(listBookmarks(s.store).find((b) => b.event.id === 2)!.tags).toEqual([]);
    expect(s.entries().at(-1)!.action).toBe('tag.removed');
    s.close();
  });

  it('registry and case metadata edits keep old and new values', async () => {
    const c = await buildCase(tempDir());
    let s = await CaseSession.open(c, { examiner: 'A' });
    editEvidence(s, 1, { exhibit: 'EX-101', provided_by: '情報システム部 田中', source_host: 'proxy01' });
    editEvidence(s, 1, { exhibit: 'EX-102' });
    editCase(s, { caseNumber: 'IR-2026-014', organization: '株式会社サンプル', timezone: 'Asia/Tokyo' });
    expect(() => editCase(s, { timezone: 'Mars/Base' })).toThrow(/unknown time zone/);
    s.close();
    s = await inspect(c);
    const history = s.store.all<{ field: string; old_value: string | null; new_value: string }>(
      'SELECT field, old_value, new_value FROM evidence_edit WHERE evidence_id = 1 ORDER BY id',
    );
    expect(history).toEqual([
      { field: 'exhibit', old_value: 'EX-001', new_value: 'EX-101' },
      { field: 'provided_by', old_value: null, new_value: '情報システム部 田中' },
      { field: 'source_host', old_value: null, new_value: 'proxy01' },
      { field: 'exhibit', old_value: 'EX-101', new_value: 'EX-102' },
    ]);
    expect(s.store.getMeta('organization')).toBe('株式会社サンプル');
    expect(s.store.meta().timezone).toBe('Asia/Tokyo');
    s.close();
  });
});

describe('journal', () => {
  it('replays entries the case file lacks, once, then restarts from a checkpoint', async () => {
    const dir = tempDir();
    const c = await buildCase(dir);
    const saved = readFileSync(c);
    const s = await CaseSession.open(c, { examiner: 'A' });
    addNote(s, 3, '保存前のメモ');
    // Simulate a crash: the journal has the entry, the case file is the old one.
    s.store.close();
    writeFileSync(c, saved);
    rmSync(`${c}.lock`);
    for (let i = 0; i < 2; i++) {
      const r = await CaseSession.open(c, { examiner: 'B', recordOpen: false });
      expect(r.chain.ok).toBe(true);
      expect(r.store.all('SELECT text FROM notes WHERE event_id = 3')).toEqual([{ text: '保存前のメモ' }]);
      r.close();
    }
    expect(JSON.parse(readFileSync(`${c}.journal`, 'utf8')).checkpoint.count).toBe(8);
  });

  it('ignores a torn last line (never acknowledged) but reports a damaged one before it', async () => {
    const c = await buildCase(tempDir());
    appendFileSync(`${c}.journal`, '{"entry":{"id":7,');
    let s = await inspect(c);
    expect(s.chain.ok).toBe(true);
    s.close();
    appendFileSync(`${c}.journal`, '\n{"entry":{}}\n');
    s = await inspect(c);
    expect(s.chain.ok).toBe(false);
    s.close();
  });
});

describe('single writer', () => {
  it('a second opener is read-only, told by whom, and its writes are refused', async () => {
    const c = await buildCase(tempDir());
    const first = await CaseSession.open(c, { examiner: 'First' });
    const second = await CaseSession.open(c, { examiner: 'Second' });
    expect(first.readOnly).toBe(false);
    expect(second.readOnly).toBe(true);
    expect(second.readOnlyReason).toContain(`opened by First on ${os.hostname()} (pid ${process.pid})`);
    expect(() => addNote(second, 1, 'x')).toThrow(/read-only: opened by First/);
    second.close();
    first.close();
    const third = await CaseSession.open(c, { examiner: 'Third' });
    expect(third.readOnly).toBe(false);
    third.close();
  });

  it('a reader opening while the writer saves does not report a broken chain', async () => {
    const c = await buildCase(tempDir());
    const writer = await CaseSession.open(c, { examiner: 'Writer' });
    addNote(writer, 1, JA);
    // The writer's save lands while the reader checks the chain: after it read the entries the
    // case file held (the journal then restarts from a checkpoint those entries do not reach).
    const entries = CaseSession.prototype.entries;
    let saved = false;
    const spy = vi.spyOn(CaseSession.prototype, 'entries').mockImplementation(function (this: CaseSession) {
      const stored = entries.call(this);
      if (this !== writer && !saved) {
        saved = true;
        writer.checkpoint(true);
      }
      return stored;
    });
    try {
      const reader = await CaseSession.open(c, { examiner: 'Reader' });
      expect(reader.readOnlyReason).toContain('opened by Writer');
      expect(saved).toBe(true);
      expect(reader.chain).toMatchObject({ ok: true });
      expect(listBookmarks(reader.store, JA).flatMap((b) => b.notes.map((n) => n.text))).toContain(JA);
      reader.close();
    } finally {
      spy.mockRestore();
      writer.close();
    }
  });

  it('takes over a stale lock left by a dead process on this host', async () => {
    const c = await buildCase(tempDir());
    writeFileSync(`${c}.lock`, JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), examiner: 'ghost', since: 'then' }));
    const s = await CaseSession.open(c, { examiner: 'A' });
    expect(s.readOnly).toBe(false);
    s.close();
  });
});

describe('evidence verification', () => {
  it('verify catches an altered and a missing evidence file', async () => {
    const dir = tempDir();
    const c = await buildCase(dir);
    const second = path.join(dir, 'fw.log');
    copyFileSync(FORTIGATE, second);
    const s = await CaseSession.open(c, { examiner: 'A' });
    const { ingestWithCustody } = await import('../../../electron/engine/custody/ingest-custody');
    await ingestWithCustody(s, { path: second, timezone: 'UTC' });
    expect((await verifyEvidence(s.store)).map((r) => r.status)).toEqual(['intact', 'intact']);
    appendFileSync(path.join(dir, 'access.log'), 'x');
    rmSync(second);
    const results = await verifyEvidence(s.store);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['access.log', 'altered'],
      ['fw.log', 'missing'],
    ]);
    expect(results[0]!.detail).toMatch(/SHA-256, SHA-1, MD5 differ/);
    s.close();
  });
});
