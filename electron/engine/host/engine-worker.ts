// Starts the engine thread (host/engine-thread.ts) and its router, for the hosts that own
// transports: `tracelight serve` and Electron's utility process. Where the engine-thread bundle
// is not beside the running one (running from sources) or TRACELIGHT_ENGINE_THREAD=0, the host
// runs the engine in its own thread as before; startRoutedEngine then returns null.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineThreadData, FromEngine } from './relay-messages';
import { EngineRouter } from './router';

/** dist/{cli,electron}/engine-thread.mjs beside the running bundle, else null. */
export function engineThreadScript(): string | null {
  if (process.env.TRACELIGHT_ENGINE_THREAD === '0') return null;
  const candidate = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engine-thread.mjs');
  return existsSync(candidate) ? candidate : null;
}

/**
 * The engine service started on its own thread (a case given in the options is open when this
 * resolves, as service.start() would have it), and the router in front of it.
 */
export function startEngineThread(data: EngineThreadData, script: string): Promise<EngineRouter> {
  return routeEngineThread(new Worker(script, { workerData: data }));
}

/** The router in front of an engine thread just started, once its service has started. */
export async function routeEngineThread(worker: Worker): Promise<EngineRouter> {
  const router = new EngineRouter(worker);
  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: FromEngine): void => {
      if (msg.kind === 'ready') done(null);
      else if (msg.kind === 'failed') done(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
    };
    const onExit = (code: number): void => done(new Error(`the engine thread stopped while starting (exit code ${code})`));
    const onError = (err: Error): void => done(err);
    function done(err: Error | null): void {
      worker.off('message', onMessage).off('exit', onExit).off('error', onError);
      if (err) {
        void worker.terminate();
        reject(err);
      } else resolve();
    }
    worker.on('message', onMessage).on('exit', onExit).on('error', onError);
  });
  return router;
}
