// What the router (host/router.ts, on the thread that owns the transports) and the engine
// thread (host/engine-thread.ts, the engine service) say to each other. Pages' requests are
// tagged with the connection they came on, so one engine serves every window; events are
// posted once and fanned out by the router.
import type { EngineEventName, Method, SerializedError } from '../../common/protocol';
import type { EngineServiceOptions } from '../rpc/service';
import type { ReaderLanes } from '../rpc/readers/reader-pool';

export interface EngineThreadData {
  service: EngineServiceOptions;
  /** The reader bundle to start (tests build one from the sources); absent: beside this bundle. */
  readerScript?: string | null;
}

/** What the router asks of the HTTP side of `serve` (uploads, downloads), outside any page. */
export type InternalOp = 'uploadDir' | 'reviewUploadDir' | 'casePath' | 'reviewReportFile';

export type ToEngine =
  /** A page's request. `caseToken`: a read the router meant for readers that are gone (see ReaderLanes). */
  | { kind: 'request'; conn: number; seq: number; method: Method; args: unknown; caseToken?: number }
  | { kind: 'internal'; id: number; op: InternalOp }
  | { kind: 'close' };

export type FromEngine =
  | { kind: 'ready' }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'response'; conn: number; seq: number; ok: true; value: unknown }
  | { kind: 'response'; conn: number; seq: number; ok: false; error: SerializedError }
  | { kind: 'event'; name: EngineEventName; payload: unknown }
  | { kind: 'readers'; lanes: ReaderLanes }
  | { kind: 'internal'; id: number; ok: true; value: unknown }
  | { kind: 'internal'; id: number; ok: false; error: SerializedError }
  | { kind: 'closed' };
