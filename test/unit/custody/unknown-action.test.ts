// A case written by a newer Tracelight holds custody actions this version does not know. Their
// effects cannot be replayed, so the case opens read-only, saying why, instead of silently
// rebuilding a different state; everything before the unknown entry reads as recorded.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CUSTODY_ACTIONS } from '../../../electron/common/custody-actions';
import { addTag } from '../../../electron/engine/custody/actions';
import { canonicalJson, sealEntry } from '../../../electron/engine/custody/chain';
import { applyEntry, decodeEntry, UnknownActionError } from '../../../electron/engine/custody/effects';
import { CaseSession } from '../../../electron/engine/custody/session';
import '../../../electron/engine/rpc/replay-effects';
import { tempDir } from '../helpers/tmp';
import { buildCase, tamper } from './helpers';

function newerEntry(id: number, prev: string) {
  return sealEntry({
    id,
    time: '2027-03-01T00:00:00.000Z',
    examiner: 'Examiner Z',
    workstation: 'ws',
    version: '9.0.0',
    action: 'timeline.pinned',
    details: canonicalJson({ eventId: 2 }),
    prev_hash: prev,
  });
}

describe('custody replay of an unknown action', () => {
  it('opens a case whose journal holds one read-only, naming the action, with the entries before it replayed', async () => {
    const dir = tempDir();
    const c = await buildCase(dir);
    const saved = readFileSync(c);
    const s = await CaseSession.open(c, { examiner: 'A', recordOpen: false });
    const tag = addTag(s, 2, 'beacon');
    appendFileSync(`${c}.journal`, `${JSON.stringify({ entry: newerEntry(tag.id + 1, tag.entry_hash) })}\n`);
    // The newer version died before saving: the case file is the old one.
    s.store.close();
    writeFileSync(c, saved);
    rmSync(`${c}.lock`);

    const r = await CaseSession.open(c, { examiner: 'B' });
    expect(r.readOnly).toBe(true);
    expect(r.readOnlyReason).toBe('this case was written by a newer Tracelight (action timeline.pinned)');
    expect(r.store.all('SELECT label FROM tag WHERE event_id = 2')).toEqual([{ label: 'beacon' }]);
    expect(r.chain).toMatchObject({ ok: true, count: tag.id });
    expect(() => addTag(r, 3, 'x')).toThrow(/read-only: this case was written by a newer Tracelight \(action timeline\.pinned\)/);
    r.close();
    // Nothing was written: the journal still holds the newer entry for the newer version.
    expect(readFileSync(`${c}.journal`, 'utf8')).toContain('timeline.pinned');
  });

  it('opens a saved case holding one read-only too', async () => {
    const c = await buildCase(tempDir());
    const s = await CaseSession.open(c, { readOnly: true });
    const e = newerEntry(s.chain.count + 1, s.chain.head);
    s.close();
    await tamper(
      c,
      `INSERT INTO custody_log (id, time, examiner, workstation, version, action, details, prev_hash, entry_hash)
       VALUES (${e.id}, '${e.time}', '${e.examiner}', '${e.workstation}', '${e.version}', '${e.action}', '${e.details}', '${e.prev_hash}', '${e.entry_hash}');
       UPDATE case_meta SET value = '${e.id}' WHERE key = 'custodyCount';
       UPDATE case_meta SET value = '${e.entry_hash}' WHERE key = 'custodyHead';`,
    );
    const r = await CaseSession.open(c, { examiner: 'B' });
    expect(r.chain.ok).toBe(true);
    expect(r.readOnlyReason).toBe('this case was written by a newer Tracelight (action timeline.pinned)');
    r.close();
  });

  it('decodes known entries as a union and refuses to apply an unknown one', async () => {
    const c = await buildCase(tempDir());
    const s = await CaseSession.open(c, { readOnly: true });
    const decoded = s.entries().map(decodeEntry);
    const tag = decoded.find((e) => e.action === 'tag.added');
    expect(tag?.action === 'tag.added' && tag.details.label).toBe('suspicious');
    for (const e of decoded) expect(CUSTODY_ACTIONS[e.action]).toBeDefined();
    expect(() => applyEntry(s.store, newerEntry(99, s.chain.head))).toThrow(UnknownActionError);
    s.close();
  });
});
