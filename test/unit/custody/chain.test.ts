import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, sealEntry, verifyChain } from '../../../electron/engine/custody/chain';
import { tempDir } from '../helpers/tmp';
import { buildCase, inspect, tamper } from './helpers';

describe('custody chain', () => {
  it('an untouched case verifies, entry 1 links to the genesis hash', async () => {
    const c = await buildCase(tempDir());
    const s = await inspect(c);
    expect(s.chain.ok).toBe(true);
    const entries = s.entries();
    expect(entries.map((e) => e.action)).toEqual([
      'case.created',
      'ingest.started',
      'evidence.added',
      'evidence.parsed',
      'tag.added',
      'note.added',
    ]);
    expect(entries[0]!.prev_hash).toBe(GENESIS_HASH);
    for (const e of entries) expect(e.examiner).toBe('Examiner A');
    s.close();
  });

  it('catches an edited entry (chain catches edited)', async () => {
    const c = await buildCase(tempDir());
    await tamper(c, `UPDATE custody_log SET examiner = 'Mallory' WHERE id = 3`);
    const s = await inspect(c);
    expect(s.chain.ok).toBe(false);
    expect(s.chain.problem!.entryId).toBe(3);
    expect(s.chain.problem!.reason).toMatch(/altered/);
    s.close();
  });

  it('catches a deleted entry in the middle (chain catches deleted)', async () => {
    const c = await buildCase(tempDir());
    await tamper(c, 'DELETE FROM custody_log WHERE id = 2');
    const s = await inspect(c);
    expect(s.chain.ok).toBe(false);
    expect(s.chain.problem!.entryId).toBe(2);
    s.close();
  });

  it('catches reordered entries, even with ids renumbered (chain catches reordered)', async () => {
    const c = await buildCase(tempDir());
    // Swap entries 4 and 5 wholesale, keeping each at the other's position.
    await tamper(
      c,
      `UPDATE custody_log SET id = -4 WHERE id = 4; UPDATE custody_log SET id = 4 WHERE id = 5; UPDATE custody_log SET id = 5 WHERE id = -4;`,
    );
    const s = await inspect(c);
    expect(s.chain.ok).toBe(false);
    expect(s.chain.problem!.entryId).toBe(4);
    s.close();
  });

  it('catches a cut-off tail through the anchor in case_meta', async () => {
    const c = await buildCase(tempDir());
    await tamper(c, 'DELETE FROM custody_log WHERE id = 6');
    const s = await inspect(c);
    expect(s.chain.ok).toBe(false);
    expect(s.chain.problem!.reason).toMatch(/records 6 custody entries but holds 5/);
    s.close();
  });

  it('catches a cut-off tail with a forged anchor through the journal checkpoint', async () => {
    const c = await buildCase(tempDir());
    const s0 = await inspect(c);
    const fifth = s0.entries()[4]!;
    s0.close();
    await tamper(
      c,
      `DELETE FROM custody_log WHERE id = 6; UPDATE case_meta SET value = '5' WHERE key = 'custodyCount';
       UPDATE case_meta SET value = '${fifth.entry_hash}' WHERE key = 'custodyHead';`,
    );
    const s = await inspect(c);
    expect(s.chain.ok).toBe(false);
    expect(s.chain.problem!.reason).toMatch(/checkpoint/);
    s.close();
  });

  it('a writer refuses to append to a broken chain, so the damage cannot be covered up', async () => {
    const dir = tempDir();
    const c = await buildCase(dir);
    await tamper(c, `UPDATE custody_log SET details = '{}' WHERE id = 1`);
    rmSync(`${c}.lock`, { force: true });
    const { CaseSession } = await import('../../../electron/engine/custody/session');
    const s = await CaseSession.open(c, { examiner: 'B' });
    expect(s.readOnly).toBe(true);
    expect(s.readOnlyReason).toMatch(/custody chain broken at entry 1/);
    expect(() => s.record('note.added', { eventId: 1, text: 'x' })).toThrow(/read-only/);
    s.close();
  });

  it('verifyChain on synthetic entries; canonical JSON sorts keys', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
    const e1 = sealEntry({ id: 1, time: 't', examiner: 'x', workstation: 'w', version: 'v', action: 'a', details: '{}', prev_hash: GENESIS_HASH });
    const e2 = sealEntry({ id: 2, time: 't', examiner: 'x', workstation: 'w', version: 'v', action: 'b', details: '{}', prev_hash: e1.entry_hash });
    expect(verifyChain([e1, e2]).ok).toBe(true);
    expect(verifyChain([e2]).ok).toBe(false);
    expect(verifyChain([{ ...e1, action: 'z' }, e2]).problem!.entryId).toBe(1);
  });
});
