import { describe, expect, it } from 'vitest';
import { tracelight } from '../helpers/cli';
import { emotetCase } from './case-fixture';

describe('tracelight ask (CLI contract)', { timeout: 120_000 }, () => {
  it('--json prints question, sql, rows, event_ids, engine and explanation; exit 0; recorded in custody', () => {
    const c = emotetCase();
    const r = tracelight(['ask', c, 'wks-acct-07でrundll32を実行したユーザーは誰', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['question', 'sql', 'rows', 'event_ids', 'engine', 'explanation']);
    expect(out.engine).toBe('rules');
    expect(out.rows.map((x: { user: string }) => x.user)).toEqual(['acme\\yamada.taro']);
    expect(out.event_ids.length).toBeGreaterThan(0);
    expect(out.explanation).toContain('host = wks-acct-07.acme.local');
    const custody = JSON.parse(tracelight(['custody', c, '--json']).stdout);
    const asked = custody.entries.filter((e: { action: string }) => e.action === 'assist.asked');
    expect(asked).toHaveLength(1);
    expect(typeof asked[0].details === 'string' ? JSON.parse(asked[0].details) : asked[0].details).toMatchObject({ question: out.question, sql: out.sql, engine: 'rules' });
    expect(custody.chain.ok).toBe(true);
  });

  it('exit 0 with no rows when nothing matches', () => {
    const c = emotetCase();
    const r = tracelight(['ask', c, 'how many events on wks-acct-07 between 05:00 and 05:10 UTC', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows).toEqual([{ events: 0, event_ids: null }]);
  });

  it('exit 2 with one line (and a form that works) when the question cannot be read; no stack trace', () => {
    const c = emotetCase();
    const r = tracelight(['ask', c, 'what is the meaning of life', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot turn this question into a query/);
    expect(r.stderr).toMatch(/try e\.g\./);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('a request to change the case exits 2, changes nothing and says so', () => {
    const c = emotetCase();
    const before = tracelight(['query', c, 'SELECT count(*) AS n FROM event_row', '--json']).stdout;
    const r = tracelight(['ask', c, 'delete the events of host adm-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing was changed/);
    expect(tracelight(['query', c, 'SELECT count(*) AS n FROM event_row', '--json']).stdout).toBe(before);
  });

  it('--lang ja gives the why line in Japanese; bad --lang is a usage error', () => {
    const c = emotetCase();
    const r = tracelight(['ask', c, 'top 3 domains', '--lang', 'ja', '--json']);
    expect(JSON.parse(r.stdout).explanation).toContain('上位3');
    expect(tracelight(['ask', c, 'top 3 domains', '--lang', 'fr']).code).toBe(2);
  });

  it('refuses a non-loopback --model-endpoint for a question only a model could answer', () => {
    const c = emotetCase();
    const r = tracelight(['ask', c, 'tell me something odd', '--model-endpoint', 'http://192.0.2.10:8080']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a loopback/);
  });

  it('answers detection questions from a detection run over the case, and prints the timeline query or why not', () => {
    const c = emotetCase();
    const r = tracelight(['ask', c, 'C2サーバーは？', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sql).toMatch(/FROM detection_c2/);
    expect(out.rows.map((x: { ip: string; port: number }) => `${x.ip}:${x.port}`)).toEqual(['198.51.100.23:8080']);
    expect(out.event_ids.length).toBeGreaterThan(0);
    expect(tracelight(['ask', c, 'patient zero?']).stdout).toMatch(/no timeline query: answered from the detection results/);
    expect(tracelight(['ask', c, 'how many events on wks-hr-11']).stdout).toMatch(/timeline query \(16 events\): host:"wks-hr-11\.acme\.local"/);
  });
});
