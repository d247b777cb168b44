import os from 'node:os';
import path from 'node:path';
import { createEngineService } from '../../engine/rpc/service';
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
  const service = createEngineService({ mode: 'serve', workspaceDir, casePath: args.casePath, examiner: args.examiner, reviewPackage: args.reviewPackage });
  await service.start();
  const server = await startServer({ port: args.port, rendererDir: defaultRendererDir(), service });
  // First stdout line: the URL with its token (scripts and tests read it).
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`Tracelight workbench on 127.0.0.1 only; cases in ${workspaceDir}. Ctrl+C stops it.\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  service.close();
  return 0;
}
