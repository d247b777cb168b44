// The open case's life cycle behind the RPC: at most one session (a case, or an evidence
// package's case in reviewer mode), writes serialized in one queue, the case file saved a
// little after activity settles, and every window told when the case changed.
import { dropSnapshot } from '../assist/run-bounded';
import { CodedError } from '../coded-error';
import type { CaseInfo, EngineEventName, EngineEvents } from '../../common/protocol';
import { CaseSession } from '../custody/session';
import { openReview, type OpenedReview } from '../review/open-review';
import type { CaseStore } from '../store/case-store';
import { countEvents } from '../store/event-queries';
import type { Args, Result } from '../../common/protocol';
import { ReaderPool } from './readers/reader-pool';
import type { ReadMethod } from './readers/read-methods';
import { SerialQueue } from './serial-queue';

// The custody journal makes every action durable at once. An examiner's action is also saved
// into the case file before it is answered (a save writes only the pages it changed), so the
// reader threads, which read the last save, show it at once. Work that did not go through
// act() (ingest batches, index builds) is saved shortly after it settles, and on close.
const CHECKPOINT_DELAY_MS = 2000;

export type Listener = <E extends EngineEventName>(name: E, payload: EngineEvents[E]) => void;

export class CaseHost {
  private session: CaseSession | null = null;
  /** Set while an evidence package is open for review; its session is this.session. */
  private review: OpenedReview | null = null;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();
  /** Writes (ingest, open, create) run one at a time; reads interleave. */
  readonly writes = new SerialQueue();
  /** Reader threads for the workspace's repeated reads of the open case. */
  private readonly readers = new ReaderPool();

  /** @param examiner the examiner recorded until the UI sets one */
  constructor(private readonly examiner: () => string | undefined) {}

  get currentCase(): CaseStore | null {
    return this.session?.store ?? null;
  }

  /** The open case's session, or null (background work that must not throw when none is). */
  get currentSession(): CaseSession | null {
    return this.session;
  }

  get currentReview(): OpenedReview | null {
    return this.review;
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EngineEventName>(name: E, payload: EngineEvents[E]): void {
    for (const l of this.listeners) l(name, payload);
  }

  requireSession(): CaseSession {
    if (!this.session) throw new CodedError('no case is open', { code: 'rpc.noCase' });
    return this.session;
  }

  /** Runs one examiner action as a write, then schedules the case file's checkpoint. */
  act<T>(fn: (session: CaseSession) => T): Promise<T> {
    return this.writes.run(async () => {
      const session = this.requireSession();
      const value = await fn(session);
      session.checkpoint();
      return value;
    });
  }

  /**
   * Engine work that is no examiner's action (an index chunk): queued like a write, saved a
   * little after such work settles rather than after each piece.
   */
  background<T>(fn: (session: CaseSession) => T): Promise<T> {
    return this.writes.run(async () => {
      const value = await fn(this.requireSession());
      this.scheduleCheckpoint();
      return value;
    });
  }

  /** Saves the open case now (queued behind running writes). */
  save(): Promise<void> {
    return this.writes.run(async () => this.session?.checkpoint());
  }

  scheduleCheckpoint(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      void this.writes.run(async () => this.session?.checkpoint());
    }, CHECKPOINT_DELAY_MS);
    this.checkpointTimer.unref();
  }

  caseInfo(): CaseInfo | null {
    const session = this.session;
    if (!session) return null;
    const s = session.store;
    const meta = s.meta();
    return {
      path: s.path,
      name: meta.name,
      caseId: meta.caseId,
      createdAt: meta.createdAt,
      timezone: meta.timezone,
      events: countEvents(s),
      evidence: Number(s.scalar('SELECT count(*) FROM evidence')),
      caseNumber: s.getMeta('caseNumber') ?? '',
      organization: s.getMeta('organization') ?? '',
      examiners: s.getMeta('examiners') ?? '',
      examiner: session.examiner.name,
      examinerSource: session.examiner.source,
      readOnly: session.readOnly,
      readOnlyReason: session.readOnlyReason,
      ...(session.readOnlyCode ? { readOnlyReason_code: session.readOnlyCode } : {}),
      custody: session.chain,
      incompleteEvidence: Number(s.scalar("SELECT count(*) FROM evidence WHERE status <> 'complete'")),
      review: this.review?.info ?? null,
    };
  }

  /** Tells every window the case changed (counts, custody head) and returns the new info. */
  changed(): CaseInfo {
    const info = this.caseInfo()!;
    this.emit('case.changed', info);
    return info;
  }

  async openCase(file: string, examiner?: string, create?: { name: string; timezone: string }): Promise<CaseInfo> {
    this.closeSession();
    this.session = await CaseSession.open(file, { examiner: examiner ?? this.examiner(), create });
    this.readers.warm(this.session.store);
    return this.changed();
  }

  /** Reviewer mode: the package's case, verified and read-only, replaces any open case. */
  async openReviewPackage(file: string, examiner?: string): Promise<CaseInfo> {
    this.closeSession();
    const review = await openReview(file, { examiner: examiner ?? this.examiner() });
    this.review = review;
    this.session = review.session;
    this.readers.warm(this.session.store);
    return this.changed();
  }

  /** Reader threads running for the open case. */
  get readerThreads(): number {
    return this.readers.running;
  }

  /** A workspace read of the open case, answered by a reader thread where one can run. */
  read<M extends ReadMethod>(method: M, args: Args<M>): Promise<Result<M>> {
    return this.readers.read(this.requireSession().store, method, args);
  }

  closeSession(): void {
    this.readers.stop();
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    // The assistant's read-only snapshot of this case goes with it.
    if (this.session) dropSnapshot(this.session.store);
    this.session?.close();
    this.session = null;
    this.review?.dispose();
    this.review = null;
  }
}
