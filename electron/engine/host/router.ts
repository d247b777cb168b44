// The thread that owns the transports (serve's WebSockets, the utility process's page ports)
// and runs no engine: it routes. A page's read (rpc/readers/read-methods.ts) goes straight to
// the reader thread of its lane, over the port the engine thread handed over when it started
// the readers; every other request goes to the engine thread (host/engine-thread.ts), and its
// answers and events come back the same way. So a read is answered while the engine thread is
// busy in one long synchronous step (a detection's rule compile, an index build, a save).
//
// When no reader runs (no case, TRACELIGHT_READERS=0, an in-memory case) a read goes to the
// engine thread, which answers it as it always did. When the readers a read was sent to stop
// (the case closed or changed) or one dies, the read is forwarded to the engine thread with
// the token of those readers: answered there if the case is still the one it was asked of,
// refused otherwise, never answered from another case.
import type { MessagePort, Worker } from 'node:worker_threads';
import type { Envelope } from '../../common/protocol';
import type { EnvelopeTransport } from '../rpc/dispatcher';
import { serializeError } from '../rpc/error-envelope';
import { PURE_METHODS, isPureMethod } from '../rpc/pure-methods';
import { READ_LANE, isReadMethod } from '../rpc/readers/read-methods';
import type { FromReader, ToReader } from '../rpc/readers/reader-thread';
import type { FromEngine, InternalOp, ToEngine } from './relay-messages';

type Request = Extract<Envelope, { type: 'request' }>;
interface InFlight {
  conn: number;
  seq: number;
  method: Request['method'];
  args: unknown;
  arrived: number;
}
interface Lane {
  port: MessagePort;
  token: number;
  next: number;
  pending: Map<number, InFlight>;
}

/**
 * A new query asks for its rows (grid, count) and its aggregates (facets, histogram) at once.
 * On a laptop's two cores the four reader threads then share them, and the rows the examiner
 * reads first came last: a common word's first page took 140-270 ms beside a 280 ms facet
 * pass and a 360 ms histogram (probe, 1M events), where alone it takes ~25 ms. So an aggregate
 * waits while rows are being read, at most AGGREGATE_HOLD_MS, then goes regardless.
 */
const ROW_LANES = ['grid', 'count'] as const;
const AGGREGATE_LANES = new Set(['facets', 'histogram']);
const AGGREGATE_HOLD_MS = 150;

/** TRACELIGHT_RPC_TRACE=1: one line per request as the page sees it, and who answered it. */
const trace = process.env.TRACELIGHT_RPC_TRACE === '1';

export class EngineRouter {
  private readonly conns = new Map<number, EnvelopeTransport>();
  private nextConn = 1;
  private lanes = new Map<string, Lane>();
  /** Requests at the engine thread, by `${conn}:${seq}`, for the trace and for a dead engine. */
  private readonly atEngine = new Map<string, InFlight>();
  private readonly internals = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextInternal = 1;
  private closed: (() => void) | null = null;
  /** How long an aggregate waits for the rows of its query at most (tests lengthen it). */
  aggregateHoldMs = AGGREGATE_HOLD_MS;
  /** Aggregate reads waiting for the rows of a query (see AGGREGATE_HOLD_MS). */
  private held: (() => void)[] = [];
  private holdTimer: NodeJS.Timeout | null = null;
  /** How many reads each side answered (tests and the trace). */
  readonly answered = { reader: 0, engine: 0 };

  /** Set once the engine thread ended: nothing sent to it would be answered. */
  private gone: Error | null = null;
  private closing = false;
  private readonly goneListeners: ((err: Error) => void)[] = [];

  constructor(private readonly engine: Worker) {
    engine.on('message', (msg: FromEngine) => this.fromEngine(msg));
    engine.on('error', (err) => this.engineGone(err));
    engine.on('exit', (code) => this.engineGone(new Error(`the engine stopped (exit code ${code})`)));
  }

  /** The engine thread ended: every request out at it is answered with the reason. */
  private engineGone(err: Error): void {
    // 'error' (an uncaught exception there) comes before 'exit': the first says why.
    if (this.gone) return;
    this.gone = err;
    for (const req of this.atEngine.values()) this.reply(req, { type: 'response', seq: req.seq, ok: false, error: { name: 'Error', message: this.gone.message } }, 'router');
    this.atEngine.clear();
    for (const p of this.internals.values()) p.reject(this.gone);
    this.internals.clear();
    this.closed?.();
    if (!this.closing) for (const l of this.goneListeners) l(this.gone);
  }

  /**
   * The engine thread ended without being asked to (it failed): the host exits, as it did when
   * the engine ran in its own thread and failed with it (Electron's main reports it).
   */
  onEngineGone(listener: (err: Error) => void): void {
    this.goneListeners.push(listener);
  }

  /** One more page: its requests routed, the engine's events sent to it. */
  attach(transport: EnvelopeTransport): void {
    const conn = this.nextConn++;
    this.conns.set(conn, transport);
    transport.onClose(() => this.conns.delete(conn));
    transport.onMessage((msg) => {
      if (!msg || msg.type !== 'request' || typeof msg.seq !== 'number') return;
      this.route({ conn, seq: msg.seq, method: msg.method, args: msg.args, arrived: performance.now() });
    });
  }

  /** Something the HTTP side of serve needs from the engine (the case's upload folder, ...). */
  internal(op: InternalOp): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.gone) return reject(this.gone);
      const id = this.nextInternal++;
      this.internals.set(id, { resolve, reject });
      this.toEngine({ kind: 'internal', id, op });
    });
  }

  /** Closes the case as the engine does on exit (it saves), then waits for the engine thread to end. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.gone) return resolve();
      this.closing = true;
      this.closed = resolve;
      this.toEngine({ kind: 'close' });
    });
  }

  private route(req: InFlight, caseToken?: number): void {
    if (typeof req.method === 'string' && isPureMethod(req.method)) return this.answerHere(req);
    const lane = typeof req.method === 'string' && isReadMethod(req.method) ? this.lanes.get(READ_LANE[req.method]) : undefined;
    if (!lane || caseToken !== undefined) {
      if (this.gone) {
        this.reply(req, { type: 'response', seq: req.seq, ok: false, error: { name: 'Error', message: this.gone.message } }, 'router');
        return;
      }
      this.atEngine.set(`${req.conn}:${req.seq}`, req);
      this.toEngine({ kind: 'request', conn: req.conn, seq: req.seq, method: req.method, args: req.args, caseToken });
      return;
    }
    let args: unknown;
    try {
      // As the engine thread's dispatcher and pool do: an object or nothing, cloned as JSON.
      args = JSON.parse(JSON.stringify(req.args && typeof req.args === 'object' ? req.args : {}));
    } catch (err) {
      this.reply(req, { type: 'response', seq: req.seq, ok: false, error: { name: (err as Error).name, message: (err as Error).message } }, 'router');
      return;
    }
    const id = lane.next++;
    lane.pending.set(id, req);
    const send = (): void => {
      // A lane dropped meanwhile handed its pending reads to the engine thread (dropLane).
      if (lane.pending.has(id)) lane.port.postMessage({ id, method: req.method, args } satisfies ToReader);
    };
    if (AGGREGATE_LANES.has(READ_LANE[req.method as keyof typeof READ_LANE]) && this.rowsBeingRead()) this.hold(send);
    else send();
  }

  /** A request its arguments alone answer (rpc/pure-methods.ts), on this thread. */
  private answerHere(req: InFlight): void {
    let envelope: Envelope;
    try {
      const args = (req.args && typeof req.args === 'object' ? req.args : {}) as never;
      envelope = { type: 'response', seq: req.seq, ok: true, value: PURE_METHODS[req.method as keyof typeof PURE_METHODS](args) };
    } catch (err) {
      envelope = { type: 'response', seq: req.seq, ok: false, error: serializeError(err) };
    }
    this.reply(req, envelope, 'router');
  }

  private fromEngine(msg: FromEngine): void {
    switch (msg.kind) {
      case 'response': {
        const key = `${msg.conn}:${msg.seq}`;
        const req = this.atEngine.get(key);
        this.atEngine.delete(key);
        const envelope: Envelope = msg.ok
          ? { type: 'response', seq: msg.seq, ok: true, value: msg.value }
          : { type: 'response', seq: msg.seq, ok: false, error: msg.error };
        if (req) this.reply(req, envelope, 'engine');
        else this.conns.get(msg.conn)?.send(envelope);
        return;
      }
      case 'event':
        for (const t of this.conns.values()) t.send({ type: 'event', name: msg.name, payload: msg.payload });
        return;
      case 'readers':
        this.setLanes(msg.lanes.token === null ? null : msg.lanes);
        return;
      case 'internal': {
        const p = this.internals.get(msg.id);
        this.internals.delete(msg.id);
        if (msg.ok) p?.resolve(msg.value);
        else p?.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
        return;
      }
      case 'closed':
        // The case is closed and saved; close() resolves when the thread has ended (its exit
        // handlers, such as the review uploads' removal, have run). Something left holding it
        // open is not worth hanging the host's exit for.
        setTimeout(() => void this.engine.terminate(), 2000).unref();
        return;
      default:
        return;
    }
  }

  /** The readers of a newly opened case (or none): reads still out at the old ones go on to the engine. */
  private setLanes(next: { token: number; ports: Record<string, MessagePort> } | null): void {
    const old = [...this.lanes.values()];
    this.lanes = new Map();
    for (const lane of old) this.dropLane(lane);
    if (!next) return;
    for (const [name, port] of Object.entries(next.ports)) {
      const lane: Lane = { port, token: next.token, next: 1, pending: new Map() };
      this.lanes.set(name, lane);
      port.on('message', (msg: FromReader) => this.fromReader(lane, msg));
      // The reader thread ended (its case closed, or it failed): nothing more comes on this port.
      port.on('close', () => {
        if (this.lanes.get(name) === lane) this.lanes.delete(name);
        this.dropLane(lane);
      });
    }
  }

  private dropLane(lane: Lane): void {
    const pending = [...lane.pending.values()];
    lane.pending.clear();
    lane.port.close();
    for (const req of pending) this.route(req, lane.token);
  }

  private rowsBeingRead(): boolean {
    return ROW_LANES.some((name) => (this.lanes.get(name)?.pending.size ?? 0) > 0);
  }

  private hold(send: () => void): void {
    this.held.push(send);
    this.holdTimer ??= setTimeout(() => this.releaseHeld(), this.aggregateHoldMs);
  }

  private releaseHeld(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    const held = this.held;
    this.held = [];
    for (const send of held) send();
  }

  private fromReader(lane: Lane, msg: FromReader): void {
    const req = lane.pending.get(msg.id);
    if (!req) return;
    lane.pending.delete(msg.id);
    if (this.held.length > 0 && !this.rowsBeingRead()) this.releaseHeld();
    this.reply(
      req,
      msg.ok ? { type: 'response', seq: req.seq, ok: true, value: msg.value } : { type: 'response', seq: req.seq, ok: false, error: msg.error },
      'reader',
    );
  }

  private reply(req: InFlight, envelope: Envelope, by: 'reader' | 'engine' | 'router'): void {
    if (by !== 'router' && typeof req.method === 'string' && isReadMethod(req.method)) this.answered[by]++;
    if (trace) process.stderr.write(`relay ${String(req.method)} ${(performance.now() - req.arrived).toFixed(1)} ms by ${by}\n`);
    this.conns.get(req.conn)?.send(envelope);
  }

  private toEngine(msg: ToEngine): void {
    this.engine.postMessage(msg);
  }
}
