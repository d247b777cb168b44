import { describe, expect, it, vi } from 'vitest';
import type { CaseInfo, IngestProgress } from '../../../electron/common/protocol';
import { EngineClient } from '../../../renderer/src/client/engine-client';
import { EngineError } from '../../../renderer/src/client/engine-error';
import { FakeTransport } from './fake-transport';

const caseInfo: CaseInfo = {
  path: '/cases/a.tlcase',
  name: '本社 Emotet',
  caseId: 'c1',
  createdAt: '2026-10-05T00:00:00.000Z',
  timezone: 'Asia/Tokyo',
  events: 3,
  evidence: 1,
  caseNumber: '',
  organization: '',
  examiners: '',
  examiner: 'tester',
  examinerSource: 'given',
  readOnly: false,
  readOnlyReason: null,
  custody: { ok: true, count: 1, head: 'a'.repeat(64) },
  incompleteEvidence: 0,
};

function setup() {
  const transport = new FakeTransport();
  return { transport, client: new EngineClient(transport) };
}

describe('EngineClient', () => {
  it('sends numbered request envelopes', () => {
    const { transport, client } = setup();
    void client.call('case.current', {});
    void client.call('events.count', { filter: { text: 'powershell' } });
    expect(transport.sent).toEqual([
      { type: 'request', seq: 1, method: 'case.current', args: {} },
      { type: 'request', seq: 2, method: 'events.count', args: { filter: { text: 'powershell' } } },
    ]);
  });

  it('resolves each call with its own response, in any order', async () => {
    const { transport, client } = setup();
    const count = client.call('events.count', {});
    const current = client.call('case.current', {});
    transport.deliver({ type: 'response', seq: 2, ok: true, value: caseInfo });
    transport.deliver({ type: 'response', seq: 1, ok: true, value: 42 });
    await expect(count).resolves.toBe(42);
    await expect(current).resolves.toEqual(caseInfo);
    expect(client.pendingCount).toBe(0);
  });

  it('rejects with an Error carrying the engine error name and message', async () => {
    const { transport, client } = setup();
    const call = client.call('case.open', { path: '/nope.tlcase' });
    transport.deliver({
      type: 'response',
      seq: transport.lastSeq(),
      ok: false,
      error: { name: 'NotFoundError', message: 'no such case: /nope.tlcase' },
    });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).name).toBe('NotFoundError');
    expect((error as Error).message).toBe('no such case: /nope.tlcase');
  });

  it('ignores responses nobody is waiting for', async () => {
    const { transport, client } = setup();
    const call = client.call('events.count', {});
    transport.deliver({ type: 'response', seq: 99, ok: true, value: 1 });
    transport.deliver({ type: 'response', seq: 1, ok: true, value: 7 });
    transport.deliver({ type: 'response', seq: 1, ok: true, value: 8 });
    await expect(call).resolves.toBe(7);
  });

  it('delivers pushed events to subscribers until they unsubscribe', () => {
    const { transport, client } = setup();
    const progress = vi.fn();
    const changed = vi.fn();
    const off = client.on('ingest.progress', progress);
    client.on('case.changed', changed);
    const payload: IngestProgress = {
      jobId: 'j1',
      path: '/logs/proxy.log',
      name: 'proxy.log',
      bytesRead: 10,
      totalBytes: 100,
      events: 5,
      rejected: 0,
      eventsPerSecond: 1000,
      done: false,
    };
    transport.deliver({ type: 'event', name: 'ingest.progress', payload });
    expect(progress).toHaveBeenCalledWith(payload);
    expect(changed).not.toHaveBeenCalled();
    off();
    transport.deliver({ type: 'event', name: 'ingest.progress', payload });
    expect(progress).toHaveBeenCalledTimes(1);
    transport.deliver({ type: 'event', name: 'case.changed', payload: caseInfo });
    expect(changed).toHaveBeenCalledWith(caseInfo);
  });

  it('keeps notifying other subscribers when one throws', () => {
    const { transport, client } = setup();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    client.on('case.changed', () => {
      throw new Error('boom');
    });
    client.on('case.changed', good);
    transport.deliver({ type: 'event', name: 'case.changed', payload: caseInfo });
    expect(good).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('on close rejects every pending call, then refuses new ones, and reports once', async () => {
    const { transport, client } = setup();
    const onClose = vi.fn();
    client.onClose(onClose);
    const a = client.call('events.count', {});
    const b = client.call('evidence.list', {});
    transport.close('connection closed (code 1006)');
    await expect(a).rejects.toThrow('disconnected from engine');
    await expect(b).rejects.toThrow('disconnected from engine');
    await expect(client.call('case.current', {})).rejects.toThrow('disconnected from engine');
    expect(transport.sent).toHaveLength(2);
    expect(client.closed).toBe('connection closed (code 1006)');
    transport.close('again');
    expect(onClose).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledWith('connection closed (code 1006)');
    const late = vi.fn();
    client.onClose(late);
    expect(late).toHaveBeenCalledWith('connection closed (code 1006)');
  });
});
