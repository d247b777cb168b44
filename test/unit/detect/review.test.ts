// Examiners' corrections to detection under custody: a review is one hash-chained entry,
// applied into finding_review when made and when the journal is replayed; the verdict in
// force is the latest; read-only cases refuse; the indicator files a case keeps come back
// byte for byte.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../electron/common/detect';
import { CaseSession } from '../../../electron/engine/custody/session';
import { keepIocFile, listIocFiles, loadIocFiles, readIocFile, writeIocWorkdir } from '../../../electron/engine/detect/case-ioc-files';
import { listReviews, loadReviews, reviewFinding } from '../../../electron/engine/detect/review';
import { buildCase, inspect, tamper } from '../custody/helpers';
import { tempDir } from '../helpers/tmp';

const COMMENT = '管理者の定期スクリプト（署名済み）のため誤検知';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: 'rule-ps-enc:WS-001:2',
    rule: 'rule-ps-enc',
    title: 'Encoded PowerShell',
    severity: 'high',
    attack: ['T1059.001'],
    stage: 'execution',
    host: 'WS-001',
    user: 'tanaka',
    time: '2023-08-08T17:15:39.857Z',
    event_ids: [2, 3],
    reasons: ['decoded: IEX (New-Object Net.WebClient).DownloadString(...)'],
    ...over,
  };
}

describe('finding reviews', () => {
  it('records who reviewed what, keeps earlier verdicts, and the latest is in force', async () => {
    const c = await buildCase(tempDir());
    const s = await CaseSession.open(c, { examiner: '佐藤 次郎' });
    const before = s.chain.count;
    const first = reviewFinding(s, finding(), 'confirmed');
    expect(first).toMatchObject({ finding_id: 'rule-ps-enc:WS-001:2', verdict: 'confirmed', examiner: '佐藤 次郎', comment: null, event_ids: [2, 3] });
    const second = reviewFinding(s, finding(), 'dismissed', `  ${COMMENT}  `);
    expect(second.comment).toBe(COMMENT);
    reviewFinding(s, finding({ id: 'rule-x:WS-002:5', rule: 'rule-x', host: 'WS-002' }), 'confirmed');
    expect(s.chain.count).toBe(before + 3);

    const entry = s.entries().find((e) => e.id === second.id)!;
    expect(entry.action).toBe('finding.reviewed');
    expect(JSON.parse(entry.details)).toEqual({
      findingId: 'rule-ps-enc:WS-001:2',
      rule: 'rule-ps-enc',
      title: 'Encoded PowerShell',
      host: 'WS-001',
      severity: 'high',
      verdict: 'dismissed',
      comment: COMMENT,
      eventIds: [2, 3],
    });
    s.close();

    const r = await inspect(c);
    expect(r.chain.ok).toBe(true);
    expect(listReviews(r.store).map((x) => [x.finding_id, x.verdict])).toEqual([
      ['rule-ps-enc:WS-001:2', 'confirmed'],
      ['rule-ps-enc:WS-001:2', 'dismissed'],
      ['rule-x:WS-002:5', 'confirmed'],
    ]);
    const inForce = loadReviews(r.store);
    expect(inForce.size).toBe(2);
    expect(inForce.get('rule-ps-enc:WS-001:2')).toMatchObject({ verdict: 'dismissed', examiner: '佐藤 次郎', comment: COMMENT });
    expect(r.store.all('SELECT finding_id, verdict FROM finding_verdict ORDER BY finding_id')).toEqual([
      { finding_id: 'rule-ps-enc:WS-001:2', verdict: 'dismissed' },
      { finding_id: 'rule-x:WS-002:5', verdict: 'confirmed' },
    ]);
    r.close();
  });

  it('refuses a bad verdict or an over-long comment before anything is journaled, and read-only cases', async () => {
    const c = await buildCase(tempDir());
    const s = await CaseSession.open(c, { examiner: 'A' });
    const count = s.chain.count;
    expect(() => reviewFinding(s, finding(), 'maybe')).toThrow(/"confirmed" or "dismissed"/);
    expect(() => reviewFinding(s, finding(), 'dismissed', 'x'.repeat(5000))).toThrow(/at most 4096/);
    expect(s.chain.count).toBe(count);
    const other = await CaseSession.open(c, { examiner: 'B' });
    expect(() => reviewFinding(other, finding(), 'dismissed')).toThrow(/read-only: opened by A/);
    other.close();
    s.close();
  });

  it('a review made just before a crash is replayed from the journal, once, with the chain intact', async () => {
    const c = await buildCase(tempDir());
    const saved = readFileSync(c);
    const s = await CaseSession.open(c, { examiner: 'A' });
    reviewFinding(s, finding(), 'dismissed', COMMENT);
    // The engine dies: the journal has the entry, the case file is the one saved before.
    s.store.close();
    writeFileSync(c, saved);
    rmSync(`${c}.lock`);
    for (let i = 0; i < 2; i++) {
      const r = await CaseSession.open(c, { examiner: 'B', recordOpen: false });
      expect(r.chain.ok).toBe(true);
      expect(listReviews(r.store).map((x) => [x.verdict, x.comment, x.examiner])).toEqual([['dismissed', COMMENT, 'A']]);
      r.close();
    }
  });

  it('a review altered behind Tracelight\'s back breaks the custody chain', async () => {
    const c = await buildCase(tempDir());
    const s = await CaseSession.open(c, { examiner: 'A' });
    const review = reviewFinding(s, finding(), 'dismissed');
    s.close();
    await tamper(c, `UPDATE custody_log SET details = replace(details, '"dismissed"', '"confirmed"') WHERE id = ${review.id}`);
    const r = await inspect(c);
    expect(r.chain.ok).toBe(false);
    expect(r.chain.problem?.entryId).toBe(review.id);
    r.close();
  });
});

describe('indicator files kept in the case', () => {
  it('keeps the bytes and the digest under custody, and gives them back under their own names', async () => {
    const dir = tempDir();
    const c = await buildCase(dir);
    const file = path.join(dir, 'upload_x');
    const text = '# 攻撃者インフラ\n185.94.252[.]27\nhxxp://例え.jp/請求書.doc\n';
    writeFileSync(file, text);
    const s = await CaseSession.open(c, { examiner: 'A' });
    const ioc = readIocFile(file, 'C:\\feeds\\emotet_c2_リスト.txt');
    expect(ioc.name).toBe('emotet_c2_リスト.txt');
    const entry = keepIocFile(s, ioc);
    expect(entry.action).toBe('ioc.added');
    expect(JSON.parse(entry.details)).toEqual({ name: 'emotet_c2_リスト.txt', sha256: ioc.sha256, size: Buffer.byteLength(text) });
    s.store.close(); // a crash right after: keepIocFile saved the case already
    rmSync(`${c}.lock`);

    const r = await inspect(c);
    expect(listIocFiles(r.store)).toMatchObject([{ name: 'emotet_c2_リスト.txt', sha256: ioc.sha256, examiner: 'A', stored: true }]);
    const { files, missing } = loadIocFiles(r.store);
    expect(missing).toEqual([]);
    const work = writeIocWorkdir([...files, ...files]);
    try {
      expect(work.paths.map((p) => path.basename(p))).toEqual(['emotet_c2_リスト.txt', 'emotet_c2_リスト.txt']);
      expect(new Set(work.paths).size).toBe(2);
      expect(readFileSync(work.paths[0]!, 'utf8')).toBe(text);
    } finally {
      work.cleanup();
    }
    r.close();
  });

  it('names the file when it cannot be used, and lists a file whose bytes were lost as missing', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(() => readIocFile(empty, '空のフィード.csv')).toThrow(/^空のフィード\.csv: IOC file is empty$/);
    expect(() => readIocFile(path.join(dir, 'nope.txt'), 'nope.txt')).toThrow(/^nope\.txt: cannot read IOC file \(ENOENT\)$/);

    const c = await buildCase(dir);
    const s = await CaseSession.open(c, { examiner: 'A' });
    // An entry whose bytes never reached the case file (the engine stopped in between).
    s.record('ioc.added', { name: 'lost.txt', sha256: 'ab'.repeat(32), size: 10 });
    const { files, missing } = loadIocFiles(s.store);
    expect(files).toEqual([]);
    expect(missing.map((m) => [m.name, m.stored])).toEqual([['lost.txt', false]]);
    s.close();
  });
});
