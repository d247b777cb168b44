import os from 'node:os';
import path from 'node:path';
import { engineThreadScript, startEngineThread } from '../../engine/host/engine-worker';
import { createEngineService, type EngineServiceOptions } from '../../engine/rpc/service';
import { inProcessBackend, routedBackend, type ServeBackend } from '../serve/backend';
import { startServer } from '../serve/server';
import { defaultRendererDir } from '../serve/static-files';

export interface ServeArgs {
  port: number;
  casePath?: string;
  workspace?: string;
  examiner?: string;
  /** An evidence package to open read-only (reviewer mode). */
  reviewPackage?: string;
}

export async function serveCommand(args: ServeArgs): Promise<number> {
  // The same default as the desktop app: <Documents>/Tracelight.
  const workspaceDir = path.resolve(args.workspace ?? path.join(os.homedir(), 'Documents', 'Tracelight'));
  const options: EngineServiceOptions = { mode: 'serve', workspaceDir, casePath: args.casePath, examiner: args.examiner, reviewPackage: args.reviewPackage };
  const engine = await startEngine(options);
  const server = await startServer({ port: args.port, rendererDir: defaultRendererDir(), backend: engine.backend });
  // First stdout line: the URL with its token (scripts and tests read it).
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`Tracelight workbench on 127.0.0.1 only; cases in ${workspaceDir}. Ctrl+C stops it.\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await engine.close();
  return 0;
}

/**
 * The engine on a thread of its own behind a router (host/router.ts: the page's reads never
 * wait for the engine thread), or, without the engine-thread bundle, in this thread as before.
 */
async function startEngine(options: EngineServiceOptions): Promise<{ backend: ServeBackend; close(): Promise<void> }> {
  const script = engineThreadScript();
  if (script) {
    const router = await startEngineThread({ service: options }, script);
    router.onEngineGone((err) => {
      process.stderr.write(`tracelight serve: the engine stopped: ${err.stack ?? err.message}\n`);
      process.exit(1);
    });
    return { backend: routedBackend(router), close: () => router.close() };
  }
  const service = createEngineService(options);
  await service.start();
  return { backend: inProcessBackend(service), close: async () => service.close() };
}
