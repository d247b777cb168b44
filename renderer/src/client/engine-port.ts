import { ENGINE_PORT_MESSAGE } from '../contracts';

/**
 * Resolves with the engine's MessagePort once the preload posts it. Only a message from this
 * very window (the preload shares it) counts: frames or other windows cannot hand us a port.
 * Call this before the first render so an early message is not missed.
 */
export function waitForEnginePort(win: Window): Promise<MessagePort> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== win) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null) return;
      if ((data as { type?: unknown }).type !== ENGINE_PORT_MESSAGE) return;
      const port = event.ports[0];
      if (!port) return;
      win.removeEventListener('message', onMessage);
      resolve(port);
    };
    win.addEventListener('message', onMessage);
  });
}
