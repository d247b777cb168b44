// Questions about detection's conclusions (infected hosts, patient zero, C2, who opened the
// phishing link) are answered from the case's detection results with SQL that is shown and
// guarded like any other; the detection tables exist in the assistant's snapshot only.
import { describe, expect, it } from 'vitest';
import type { AskAnswer } from '../../../electron/common/assist';
import { runSql, vocabularyOf } from '../../../electron/engine/assist/ask';
import { readDetectionQuestion } from '../../../electron/engine/assist/detection-question';
import { emotetSession } from './case-fixture';

const emotet = emotetSession();
const ask = emotet.ask;

/** Every cited id is an event of the case. */
function citedExist(a: AskAnswer): boolean {
  const n = Number(emotet.session().store.db.exec(`SELECT count(*) FROM events WHERE id IN (${a.event_ids.join(',')})`)[0]!.values[0]![0]);
  return a.event_ids.length > 0 && n === a.event_ids.length;
}

describe('detection questions', { timeout: 300_000 }, () => {
  it('infected hosts, in English and Japanese, from detection_host', async () => {
    for (const q of ['which hosts are infected?', '感染端末は？', 'list the compromised machines', '感染したホストはどれ']) {
      const a = await ask(q);
      expect(a.sql, q).toMatch(/FROM detection_host/);
      expect(a.rows.map((r) => r.host), q).toEqual(['wks-acct-07.acme.local', 'wks-sales-03.acme.local']);
      expect(citedExist(a), q).toBe(true);
    }
    const n = await ask('how many hosts are infected');
    expect(n.rows[0]!.infected_hosts).toBe(2);
    const one = await ask('is wks-hr-11 infected?');
    expect(one.sql).toContain("host = 'wks-hr-11.acme.local'");
    expect(one.rows).toEqual([]);
  });

  it('patient zero', async () => {
    for (const q of ['patient zero?', '最初に感染したのは？', 'which host was infected first', '初期感染端末は']) {
      const a = await ask(q);
      expect(a.sql, q).toMatch(/FROM detection_patient_zero/);
      expect(a.rows.map((r) => [r.host, r.time]), q).toEqual([['wks-acct-07.acme.local', '2026-10-05T00:12:44.250Z']]);
      expect(citedExist(a), q).toBe(true);
    }
  });

  it('the C2, and the hosts that reached it', async () => {
    for (const q of ['what is the C2?', 'C2サーバーは？', 'command and control servers']) {
      const a = await ask(q);
      expect(a.sql, q).toMatch(/FROM detection_c2/);
      expect(a.rows.map((r) => [r.ip, r.port]), q).toEqual([['198.51.100.23', 8080]]);
      expect(citedExist(a), q).toBe(true);
    }
    const c = await ask('C2と通信した端末は？');
    expect(c.rows.map((r) => r.host)).toEqual(['wks-acct-07.acme.local', 'wks-sales-03.acme.local']);
    expect(c.sql).toMatch(/EXISTS \(SELECT 1 FROM detection_c2/);
  });

  it('who accessed the phishing URL, and the payload URLs', async () => {
    for (const q of ['フィッシングURLにアクセスしたのは誰？', 'who clicked the phishing link']) {
      const a = await ask(q);
      expect(a.sql, q).toMatch(/FROM detection_access[\s\S]*kind = 'phishing'/);
      expect(a.rows.map((r) => r.host), q).toEqual(['wks-hr-11.acme.local', 'wks-acct-07.acme.local']);
      expect(citedExist(a), q).toBe(true);
    }
    const p = await ask('payload URLs');
    expect(p.rows.map((r) => r.url).sort()).toEqual(['http://blog-nagoya.example/wp-admin/k2/', 'http://shop-kobe.example/wp-content/x7/']);
  });

  it('questions about events are not read as detection questions', () => {
    const vocab = vocabularyOf(emotet.session().store);
    for (const q of ['which hosts ran powershell.exe', 'list connections to 198.51.100.23', '請求書.docがあるホストは', 'top 3 domains', 'who opened winword']) {
      expect(readDetectionQuestion(q, vocab), q).toBeNull();
    }
  });

  it('the detection tables are read-only and never written into the case', async () => {
    for (const sql of ['DELETE FROM detection_host', "UPDATE detection_c2 SET ip = 'x'", 'SELECT * FROM detection_host; DROP TABLE detection_host']) {
      const r = await runSql(emotet.session().store, 'x', sql, {}, 'rules', 'edited', null);
      expect(r.ok, sql).toBe(false);
    }
    const ok = await runSql(emotet.session().store, 'x', 'SELECT host FROM detection_host ORDER BY host', {}, 'rules', 'edited', null);
    expect(ok.ok && ok.answer.rows.length).toBe(2);
    const inCase = emotet.session().store.db.exec("SELECT count(*) FROM sqlite_master WHERE name LIKE 'detection%'")[0]!.values[0]![0];
    expect(inCase).toBe(0);
  });
});
