import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const A = path.join(REPO_ROOT, 'test/fixtures/incidents/scenario-a');

describe('assistant over the RPC (workspace)', { timeout: 120_000 }, () => {
  it('asks, runs edited SQL, keeps the history in custody, drafts and accepts a triage summary', async () => {
    const dir = tempDir();
    const service = createEngineService({ mode: 'desktop', workspaceDir: dir });
    try {
      await service.handlers['case.create']({ name: '質問', examiner: '高橋' });
      const files = ['DeviceProcessEvents.csv', 'DeviceNetworkEvents.csv', 'squid-access.log'].map((f) => ({ path: path.join(A, f) }));
      await service.handlers['ingest.files']({ jobId: 'j', files });

      const asked = await service.handlers['assist.ask']({ question: 'rundll32を実行したホストは' });
      if (!asked.ok) throw new Error(JSON.stringify(asked.refusal));
      if (!asked.ok) return;
      expect(asked.answer.rows.map((r) => r.host)).toEqual(['wks-acct-07.acme.local']);
      expect(asked.answer.custody_id).toBeGreaterThan(0);
      expect(asked.answer.timeline.query).toBe('process_name:"rundll32.exe" category:"process" NOT host:""');
      expect(asked.answer.timeline.events).toBe(asked.answer.counted);
      // The cited rundll32 start is a process event: its row opens the process tree.
      expect(asked.answer.process_ids).toEqual(asked.answer.event_ids);

      const edited = await service.handlers['assist.run']({ question: 'rundll32を実行したホストは', sql: "SELECT id, host FROM events WHERE process_name = 'WINWORD.EXE'" });
      expect(edited.ok && edited.answer.rows.length).toBe(3);
      const refused = await service.handlers['assist.run']({ question: 'x', sql: 'DELETE FROM event_row' });
      expect(refused.ok).toBe(false);

      const history = await service.handlers['assist.history']({});
      expect(history.map((h) => h.engine)).toEqual(['refused:unsafe-sql', 'edited SQL', 'rules']);
      expect(history[2]!.examiner).toBe('高橋');

      const hostOnly = await service.handlers['assist.ask']({ question: 'events on wks-hr-11 between 00:10 and 00:12 UTC' });
      expect(hostOnly.ok && hostOnly.answer.timeline.query).toBe('host:"wks-hr-11.acme.local" time:[2026-10-05T00:10:00.000Z TO 2026-10-05T00:12:00.000Z}');

      // A detection question answers from the run the Incident view shows, through the same guard.
      const infected = await service.handlers['assist.ask']({ question: '感染端末は？' });
      if (!infected.ok) throw new Error(JSON.stringify(infected.refusal));
      expect(infected.answer.sql).toMatch(/FROM detection_host/);
      expect(infected.answer.rows.map((r) => r.host)).toEqual(['wks-acct-07.acme.local', 'wks-sales-03.acme.local']);
      expect(infected.answer.event_ids.length).toBeGreaterThan(0);
      const editedDetection = await service.handlers['assist.run']({ question: 'x', sql: "SELECT ip, port, event_ids FROM detection_c2" });
      expect(editedDetection.ok && editedDetection.answer.rows.length).toBeGreaterThanOrEqual(0);
      const writeDetection = await service.handlers['assist.run']({ question: 'x', sql: 'SELECT * FROM detection_host; DELETE FROM detection_host' });
      expect(writeDetection.ok).toBe(false);

      const summary = await service.handlers['assist.summary']({ lang: 'en' });
      expect(summary.sentences.length).toBeGreaterThan(0);
      const accepted = await service.handlers['assist.acceptSummary']({ summary });
      expect((await service.handlers['assist.acceptedSummary']({}))?.custody_id).toBe(accepted.custody_id);
      const log = await service.handlers['custody.log']({});
      expect(log.status.ok).toBe(true);
      expect(log.entries.filter((e) => e.action === 'assist.asked')).toHaveLength(7);
    } finally {
      service.close();
    }
  });
});
