import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../electron/engine/assist/ask';
import { checkEndpoint, isLoopbackAddress } from '../../../electron/engine/assist/loopback';
import { extractSql } from '../../../electron/engine/assist/model';
import { dropSnapshot } from '../../../electron/engine/assist/run-bounded';
import { CaseSession } from '../../../electron/engine/custody/session';
import { emotetCase } from './case-fixture';

// A fake OpenAI-compatible server on 127.0.0.1: answers with whatever the test sets.
let reply = '';
let lastPrompt: { messages: { role: string; content: string }[] } | null = null;
let server: http.Server;
let endpoint = '';
let session: CaseSession;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      lastPrompt = JSON.parse(body);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ model: 'fake-llama-7b', choices: [{ message: { role: 'assistant', content: reply } }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await CaseSession.open(emotetCase(), { readOnly: true });
}, 120_000);
afterAll(async () => {
  dropSnapshot(session.store);
  session?.close();
  await new Promise((r) => server.close(r));
});

// The rules cannot read this one (no case value, field or question word in it).
const HARD = 'tell me something odd';

describe('local model path', () => {
  it('sends questions the rules cannot read to the loopback model, with the case\'s own columns, and labels the answer', async () => {
    reply = 'Here you go:\n```sql\nSELECT id, host FROM events WHERE category = \'registry\'\n```';
    const r = await answerQuestion(session.store, HARD, { model: { endpoint } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.answer.engine).toBe('model:fake-llama-7b');
    expect(r.answer.rows.length).toBe(1);
    expect(r.answer.event_ids).toEqual([r.answer.rows[0]!.id]);
    const system = lastPrompt!.messages[0]!.content;
    expect(system).toContain('process_name');
    // Columns this case holds no value in are not offered.
    expect(system).not.toMatch(/\bparent_process_guid\b/);
  });

  it('rejects a write from the model without running it', async () => {
    reply = 'DELETE FROM event_row';
    const before = Number(session.store.scalar('SELECT count(*) FROM event_row'));
    const r = await answerQuestion(session.store, HARD, { model: { endpoint } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe('unsafe-sql');
    expect(Number(session.store.scalar('SELECT count(*) FROM event_row'))).toBe(before);
  });

  it('rejects SQL naming unknown columns or tables (EXPLAIN / table check)', async () => {
    reply = 'SELECT id, nonexistent FROM events';
    let r = await answerQuestion(session.store, HARD, { model: { endpoint } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe('sql-error');
    reply = 'SELECT * FROM custody_log';
    r = await answerQuestion(session.store, HARD, { model: { endpoint } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.problem).toMatch(/unknown table "custody_log"/);
    reply = 'I cannot help with that.';
    r = await answerQuestion(session.store, HARD, { model: { endpoint } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.kind).toBe('model-error');
  });

  it('questions the rules read never go to the model', async () => {
    reply = 'SELECT 1 AS id';
    lastPrompt = null;
    const r = await answerQuestion(session.store, 'how many events on wks-acct-07', { model: { endpoint } });
    expect(r.ok && r.answer.engine).toBe('rules');
    expect(lastPrompt).toBeNull();
  });

  it('refuses endpoints that are not loopback, also after resolving a name', async () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('127.8.9.10')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress('::ffff:192.0.2.1')).toBe(false);
    await expect(checkEndpoint('http://192.0.2.10:8080')).rejects.toThrow(/not a loopback/);
    await expect(checkEndpoint('http://[2001:db8::1]:8080')).rejects.toThrow(/not a loopback/);
    await expect(checkEndpoint('file:///etc/passwd')).rejects.toThrow(/http/);
    expect((await checkEndpoint('http://localhost:1234')).address).toMatch(/^(127\.|::1$)/);
    const r = await answerQuestion(session.store, HARD, { model: { endpoint: 'http://192.0.2.10:8080' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.problem).toMatch(/not a loopback/);
  });

  it('takes the SQL out of a reply', () => {
    expect(extractSql('```sql\nSELECT 1\n```')).toBe('SELECT 1');
    expect(extractSql('Sure. SELECT id FROM events')).toBe('SELECT id FROM events');
    expect(extractSql('no')).toBeNull();
  });
});
