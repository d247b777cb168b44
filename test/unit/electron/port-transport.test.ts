// The engine's end of a page's MessagePort, adapted to the dispatcher's transport. A Node
// EventEmitter stands in for Electron's MessagePortMain (same on/postMessage/start/close shape).
import { EventEmitter } from 'node:events';
import type { MessagePortMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { portTransport, type MessagePortLike } from '../../../electron/engine/host/port-transport';
import { workspaceFromArgv } from '../../../electron/engine/host/argv';

// Compile-time proof that Electron's real MessagePortMain fits the engine's structural type.
const _fits: (port: MessagePortMain) => MessagePortLike = (port) => port;
void _fits;

class FakePort extends EventEmitter implements MessagePortLike {
  sent: unknown[] = [];
  started = false;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  start(): void {
    this.started = true;
  }
  close(): void {
    this.emit('close');
  }
}

describe('portTransport', () => {
  it('starts the port only once someone listens, and passes on envelopes only', () => {
    const port = new FakePort();
    const transport = portTransport(port);
    expect(port.started).toBe(false);
    const received = vi.fn();
    transport.onMessage(received);
    expect(port.started).toBe(true);

    const request = { type: 'request', seq: 1, method: 'app.info', args: {} };
    port.emit('message', { data: request, ports: [] });
    port.emit('message', { data: 'junk', ports: [] });
    port.emit('message', { data: { type: 'nonsense' }, ports: [] });
    port.emit('message', { data: null, ports: [] });
    expect(received.mock.calls).toEqual([[request]]);
  });

  it('sends envelopes until the page goes away, then reports the close', () => {
    const port = new FakePort();
    const transport = portTransport(port);
    const closed = vi.fn();
    transport.onClose(closed);
    transport.send({ type: 'response', seq: 1, ok: true, value: 42 });
    port.close();
    transport.send({ type: 'response', seq: 2, ok: true, value: 43 });
    expect(port.sent).toEqual([{ type: 'response', seq: 1, ok: true, value: 42 }]);
    expect(closed).toHaveBeenCalledOnce();
  });
});

describe('workspaceFromArgv', () => {
  it('reads --workspace= wherever utilityProcess puts it', () => {
    expect(workspaceFromArgv(['/x/electron', '--workspace=/home/u/Documents/Tracelight'])).toBe(
      '/home/u/Documents/Tracelight',
    );
    expect(workspaceFromArgv(['--workspace=C:\\Users\\u\\Documents\\Tracelight', 'x'])).toBe(
      'C:\\Users\\u\\Documents\\Tracelight',
    );
    expect(workspaceFromArgv(['--workspace='])).toBeNull();
    expect(workspaceFromArgv([])).toBeNull();
  });
});
