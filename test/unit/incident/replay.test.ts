// The incident actions' replay effects: after a crash the journal's incident.* entries rebuild
// the phase, severity, task and asset records exactly once, as tags and notes are rebuilt.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaseSession } from '../../../electron/engine/custody/session';
import { setAssetStatus, setPhase, setSeverity, setTaskDone } from '../../../electron/engine/incident/actions';
import { currentPhase, currentSeverity, history, latestAssets, latestTasks } from '../../../electron/engine/incident/records';
import { buildCase } from '../custody/helpers';
import { tempDir } from '../helpers/tmp';

const proposal = { level: 'low' as const, reasons: ['r'], criteria: { active_c2: 0, infected_hosts: 0, lateral_movement: 0, privileged_accounts: 0, data_taken: 0, public_facing_compromised: 0, phishing_access: 1 } };

describe('incident entries after a crash', () => {
  it('are replayed from the journal once, and the chain stays intact', async () => {
    const c = await buildCase(tempDir());
    const saved = readFileSync(c);
    const s = await CaseSession.open(c, { examiner: '山田' });
    setPhase(s, 'containment', '隔離した');
    setSeverity(s, 'high', 'C2通信', proposal, 'severity-standard.json');
    setTaskDone(s, 'block-c2', true);
    setAssetStatus(s, { host: 'wks-01' }, 'contained', 'EDR');
    // Crash: the journal has the entries, the case file is the old one.
    s.store.close();
    writeFileSync(c, saved);
    rmSync(`${c}.lock`);
    for (let i = 0; i < 2; i++) {
      const r = await CaseSession.open(c, { examiner: 'B', recordOpen: false });
      expect(r.chain.ok).toBe(true);
      expect(currentPhase(r.store).phase).toBe('containment');
      expect(currentSeverity(r.store)).toBe('high');
      expect(history(r.store).map((h) => [h.field, h.to, h.examiner, h.reason])).toEqual([
        ['phase', 'containment', '山田', '隔離した'],
        ['severity', 'high', '山田', 'C2通信'],
      ]);
      expect(latestTasks(r.store).get('block-c2')).toMatchObject({ done: 1, examiner: '山田' });
      expect([...latestAssets(r.store).values()].map((a) => [a.host, a.status])).toEqual([['wks-01', 'contained']]);
      r.close();
    }
  });

  it('a change to the value in force records nothing', async () => {
    const s = await CaseSession.open(await buildCase(tempDir()), { examiner: 'A' });
    try {
      expect(setPhase(s, 'detection', 'x')).toBeNull();
      const before = s.chain.count;
      expect(setPhase(s, 'analysis', 'x')).not.toBeNull();
      expect(setPhase(s, 'analysis', 'y')).toBeNull();
      expect(s.chain.count).toBe(before + 1);
    } finally {
      s.close();
    }
  });
});
