import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, runSql } from '../../../electron/engine/assist/ask';
import { checkReadOnlyText, guardSql, GuardError } from '../../../electron/engine/assist/guard';
import { dropSnapshot, QueryTimeoutError, runBounded } from '../../../electron/engine/assist/run-bounded';
import { CaseSession } from '../../../electron/engine/custody/session';
import { emotetCase } from './case-fixture';

let session: CaseSession;
let events: number;

beforeAll(async () => {
  session = await CaseSession.open(emotetCase(), { readOnly: true });
  events = Number(session.store.scalar('SELECT count(*) FROM event_row'));
}, 120_000);
afterAll(() => {
  dropSnapshot(session.store);
  session?.close();
});

describe('read-only guard', () => {
  it.each([
    ['DELETE FROM event_row', /only SELECT/],
    ["UPDATE event_row SET host = 'x'", /only SELECT/],
    ["INSERT INTO tag (event_id, label, examiner, created_at) VALUES (1, 'x', 'y', 'z')", /only SELECT/],
    ['DROP TABLE event_row', /only SELECT/],
    ["ATTACH DATABASE '/tmp/x.db' AS x", /only SELECT/],
    ["SELECT * FROM events; ATTACH DATABASE '/tmp/x.db' AS x", /one statement/],
    ['PRAGMA writable_schema = ON', /only SELECT/],
    ['SELECT * FROM pragma_table_info(\'events\')', /PRAGMA/],
    ['SELECT 1; SELECT 2', /one statement/],
    ['WITH x AS (SELECT 1) DELETE FROM event_row', /DELETE/],
    ["SELECT load_extension('/tmp/evil.so')", /LOAD_EXTENSION/],
    ['VACUUM', /only SELECT/],
  ])('refuses %s', (sql, message) => {
    expect(() => guardSql(session.store.db, sql)).toThrow(GuardError);
    expect(() => guardSql(session.store.db, sql)).toThrow(message);
    expect(Number(session.store.scalar('SELECT count(*) FROM event_row'))).toBe(events);
  });

  it('allows SELECT and WITH, and keywords inside strings and comments', () => {
    expect(guardSql(session.store.db, "SELECT id FROM events WHERE message = 'delete; drop table x' -- update\n")).toContain('SELECT');
    expect(guardSql(session.store.db, 'WITH h AS (SELECT host FROM events) SELECT count(*) FROM h;')).toMatch(/^WITH/);
    expect(guardSql(session.store.db, "SELECT replace(host, '.acme.local', '') FROM events")).toContain('replace');
  });

  it('refuses unknown columns when SQLite compiles the statement (EXPLAIN)', () => {
    expect(() => guardSql(session.store.db, 'SELECT no_such_column FROM events')).toThrow(/SQL error: no such column/);
  });

  it('strips a trailing semicolon but refuses unterminated quotes', () => {
    expect(checkReadOnlyText('SELECT 1;')).toBe('SELECT 1');
    expect(() => checkReadOnlyText("SELECT 'x")).toThrow(/unterminated/);
  });
});

describe('bounded run', () => {
  it('caps the rows and says so', async () => {
    const r = await runBounded(session.store, 'SELECT id FROM events ORDER BY id', { rowCap: 10, timeoutMs: 30000 });
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });

  it('stops a statement that runs past the time limit, and the next one still runs', async () => {
    // A recursive CTE counting to 10^10 cannot finish within the limit.
    const slow = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT count(*) FROM n';
    await expect(runBounded(session.store, slow, { rowCap: 10, timeoutMs: 500 })).rejects.toBeInstanceOf(QueryTimeoutError);
    const after = await runBounded(session.store, 'SELECT count(*) AS n FROM events', { rowCap: 10, timeoutMs: 30000 });
    expect(after.rows[0]![0]).toBe(events);
  });

  it('edited SQL goes through the same guard: a write is refused, nothing changes', async () => {
    const r = await runSql(session.store, 'edited', 'DELETE FROM event_row', { lang: 'en' }, 'rules', 'edited by the analyst', null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe('unsafe-sql');
    expect(Number(session.store.scalar('SELECT count(*) FROM event_row'))).toBe(events);
  });

  it('a request to change the case is answered "nothing was changed", in either language', async () => {
    const en = await answerQuestion(session.store, 'delete the events of host adm-01');
    const ja = await answerQuestion(session.store, 'タグを消して');
    for (const r of [en, ja]) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refusal.kind).toBe('write-request');
    }
    if (!en.ok) expect(en.refusal.problem).toContain('nothing was changed');
    if (!ja.ok) expect(ja.refusal.problem).toContain('何も変更していません');
    expect(Number(session.store.scalar('SELECT count(*) FROM event_row'))).toBe(events);
  });

  it('answers cite the events behind them: ids for rows, per-group ids for aggregates', async () => {
    const rows = await answerQuestion(session.store, 'show process events on wks-sales-03');
    expect(rows.ok).toBe(true);
    if (!rows.ok) return;
    expect(rows.answer.event_ids).toEqual(rows.answer.rows.map((r) => r.id));
    const groups = await answerQuestion(session.store, 'events per host');
    if (!groups.ok) throw new Error(groups.refusal.problem);
    const acct = groups.answer.rows.find((r) => r.host === 'wks-acct-07.acme.local')!;
    const ids = String(acct.event_ids).split(',').map(Number);
    expect(ids.length).toBe(20); // capped per group
    const hosts = session.store.all<{ host: string }>(`SELECT DISTINCT host FROM events WHERE id IN (${ids.join(',')})`);
    expect(hosts).toEqual([{ host: 'wks-acct-07.acme.local' }]);
  });
});
