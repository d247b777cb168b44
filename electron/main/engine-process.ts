// Runs the engine (plain Node + sql.js) in an Electron utilityProcess and gives each page a
// private MessagePort to it. Main never relays engine traffic: after the handshake, renderer and
// engine talk directly, so a slow query cannot stall the UI thread of the main process.
import { MessageChannelMain, utilityProcess, type UtilityProcess, type WebContents } from 'electron';
import { createInterface } from 'node:readline';
import { IPC } from '../common/protocol';

/**
 * What the engine host (electron/engine/host/utility-process.ts) waits for on its parentPort.
 * Duplicated there because main and engine may not import each other; see the final report.
 */
const HOST_PORT_MESSAGE = 'engine-port';

export interface EngineProcessOptions {
  /** dist/electron/engine-host.mjs */
  entry: string;
  /** Where the engine keeps cases: <Documents>/Tracelight. */
  workspaceDir: string;
  /** Called when the engine exits while the app is not quitting. */
  onUnexpectedExit(code: number): void;
}

export class EngineProcess {
  private child: UtilityProcess | null = null;
  private stopping = false;

  constructor(private readonly options: EngineProcessOptions) {}

  start(): void {
    this.stopping = false;
    const child = utilityProcess.fork(this.options.entry, [`--workspace=${this.options.workspaceDir}`], {
      serviceName: 'Tracelight engine',
      stdio: 'pipe',
    });
    forwardLines(child.stdout, (line) => console.log(`[engine] ${line}`));
    forwardLines(child.stderr, (line) => console.error(`[engine] ${line}`));
    child.once('exit', (code) => {
      if (this.child === child) this.child = null;
      if (!this.stopping) this.options.onUnexpectedExit(code);
    });
    this.child = child;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /**
   * Opens a fresh channel between the engine and this page. Called after every page load: a
   * reload discards the old document and the port it held, and the engine sees that port close.
   * Messages posted before the child has spawned are queued by Electron, not lost.
   */
  connect(contents: WebContents): void {
    if (!this.child || contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    this.child.postMessage({ type: HOST_PORT_MESSAGE }, [port1]);
    contents.postMessage(IPC.enginePort, null, [port2]);
  }

  /** An intentional stop (quit): the exit that follows is not reported as a crash. */
  stop(): void {
    this.stopping = true;
    this.child?.kill();
    this.child = null;
  }
}

function forwardLines(stream: NodeJS.ReadableStream | null, write: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', write);
}
