// The one context every handler file receives. The case host owns the session's life cycle,
// the path policy decides which paths a caller may name; handler files (rpc/<area>-handlers.ts)
// take this object, or a Pick of it, and never reach into EngineService.
import type { Args, CaseInfo, EngineEventName, EngineEvents, Method, Result } from '../../common/protocol';
import type { DetectResult } from '../../common/detect';
import type { CaseSession } from '../custody/session';
import type { OpenedReview } from '../review/open-review';
import type { ReadMethod } from './readers/read-methods';

export type EngineMode = 'desktop' | 'serve' | 'cli';

export type HandlerImpl = { [M in Method]: (args: Args<M>) => Promise<Result<M>> };

export interface HandlerContext {
  mode(): EngineMode;
  /** Where cases are listed and created. */
  workspaceDir(): string;
  /** The open case's session; throws 'no case is open'. */
  session(): CaseSession;
  /** Runs fn as a write (one at a time, after ingests), then saves the case. */
  act<T>(fn: (session: CaseSession) => T): Promise<T>;
  /** A workspace read of the open case's last save, in a reader thread where one can run. */
  read<M extends ReadMethod>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Runs fn in the write queue without requiring an open case (open, create, review). */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  /** Schedules the case file's checkpoint after a write that did not go through act(). */
  scheduleCheckpoint(): void;
  /** Tells every window the case changed (custody head, counts) and returns the new info. */
  changed(): CaseInfo;
  caseInfo(): CaseInfo | null;
  emit<E extends EngineEventName>(name: E, payload: EngineEvents[E]): void;
  /** Closes any open case or review, opens (or creates) this case. */
  openCase(file: string, examiner?: string, create?: { name: string; timezone: string }): Promise<CaseInfo>;
  /** Reviewer mode: verifies the package and installs its case, read-only, as the open one. */
  open(packagePath: string, examiner?: string): Promise<CaseInfo>;
  /** Closes the review (and any case). */
  close(): void;
  /** The open review, or null. */
  current(): OpenedReview | null;
  /** Where serve mode stores uploads for the open case. */
  uploadDir(): string;
  /** Where serve mode receives packages uploaded for review. */
  reviewUploadDir(): string;
  /** The package given with `serve --review`, which the browser may reopen. */
  trustedPackage(): string | undefined;
  /** Throws unless this engine may ingest the path (serve mode: uploads to the case only). */
  checkPath(p: string): void;
  /** The same sandbox for other files a caller names; `refusal` is the message when refused. */
  checkUpload(p: string, refusal: string): void;
  /** Resolves a case path the caller may open (serve mode: the workspace only). */
  checkCasePath(p: string): string;
  /** New events may lack the full-text and workspace indexes: build them in the background. */
  kickIndexing(): void;
  /** The last detection run on the open case, or null. */
  lastDetection(): Promise<DetectResult | null>;
  /** A new detection run (itself recorded). */
  runDetection(): Promise<DetectResult>;
}
