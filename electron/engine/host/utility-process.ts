// The engine's entry inside Electron's utilityProcess (bundled to dist/electron/engine-host.mjs).
// Main forks this file and, for every page load, sends one end of a fresh MessageChannel; each
// port becomes one more transport on the same engine service. Plain Node: no 'electron' import.
//
// A MessagePortMain cannot be handed to a worker thread, so this process's main thread keeps the
// ports and routes (host/router.ts): the engine service runs on a worker thread of its own
// (engine-thread.ts) and the page's reads go straight to the reader threads, never waiting for a
// long step of the engine. Without the engine-thread bundle the engine runs here as before.
import { mkdirSync } from 'node:fs';
import { attachTransport } from '../rpc/dispatcher';
import type { EnvelopeTransport } from '../rpc/dispatcher';
import { createEngineService } from '../rpc/service';
import { workspaceFromArgv } from './argv';
import { engineThreadScript, startEngineThread } from './engine-worker';
import { portTransport, type MessagePortLike } from './port-transport';

/** Sent by electron/main/engine-process.ts with the port in e.ports[0]. */
const PORT_MESSAGE = 'engine-port';

/**
 * The slice of Electron's process.parentPort this file uses. Declared locally (not with
 * `declare global`) so it neither needs Electron's types nor clashes with them where main's
 * code, which does import them, is type-checked in the same program.
 */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortLike[] }) => void): unknown;
}

async function main(): Promise<void> {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (!parentPort) {
    console.error('engine-host: must be started by Electron (utilityProcess.fork); use `tracelight serve` otherwise');
    process.exit(2);
  }
  const workspaceDir = workspaceFromArgv(process.argv);
  if (!workspaceDir) {
    console.error('engine-host: missing --workspace=DIR');
    process.exit(2);
  }
  mkdirSync(workspaceDir, { recursive: true });

  const attach = await startEngine(workspaceDir);
  // parentPort queues messages until this listener exists, so a port main sent while the
  // service was starting is not lost.
  parentPort.on('message', (event) => {
    const type = (event.data as { type?: unknown } | null)?.type;
    const [port] = event.ports;
    if (type !== PORT_MESSAGE || !port) return;
    attach(portTransport(port));
  });
}

/** The engine on its own thread behind a router, else in this thread; how a page's port joins it. */
async function startEngine(workspaceDir: string): Promise<(transport: EnvelopeTransport) => void> {
  const script = engineThreadScript();
  if (script) {
    const router = await startEngineThread({ service: { mode: 'desktop', workspaceDir } }, script);
    router.onEngineGone((err) => {
      console.error('engine-host: the engine thread stopped:', err.stack ?? err.message);
      // A non-zero exit is what main reports to the user as "the engine stopped".
      process.exit(1);
    });
    return (transport) => router.attach(transport);
  }
  const service = createEngineService({ mode: 'desktop', workspaceDir });
  await service.start();
  return (transport) => attachTransport(service, transport);
}

main().catch((err: unknown) => {
  console.error('engine-host: failed to start:', err instanceof Error ? err.stack ?? err.message : err);
  // A non-zero exit is what main reports to the user as "the engine stopped".
  process.exit(1);
});
