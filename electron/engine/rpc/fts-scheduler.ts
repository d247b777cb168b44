// Builds the full-text index in the background: one chunk per queued write job, the next
// chunk queued only when the last is done, so tags, notes and ingests slot in between (the
// workspace's reads come from reader threads meanwhile: rpc/readers/). Progress goes out as search.fts.
// Then the workspace's indexes (store/fts/workspace-indexes.ts), one per job: a CREATE INDEX
// cannot be cut in chunks (about a second per index on 1M events).
import type { FtsState } from '../../common/workspace';
import type { CaseSession } from '../custody/session';
import { indexNextChunk } from '../store/fts/fts-builder';
import { buildNextIndex } from '../store/fts/workspace-indexes';
import { ftsState } from '../store/fts/fts-state';

export interface FtsSchedulerContext {
  session(): CaseSession | null;
  /** Runs fn as a write (queued behind others), then schedules the case's save. */
  background<T>(fn: (session: CaseSession) => T): Promise<T>;
  /** Saves the case now: the reader threads see the finished index from then on. */
  save(): Promise<void>;
  emit(state: FtsState): void;
}

export class FtsScheduler {
  private running: CaseSession | null = null;

  constructor(private readonly ctx: FtsSchedulerContext) {}

  /** Starts building if the open case has events the index lacks (after ingest, at open). */
  kick(): void {
    const session = this.ctx.session();
    if (!session || session.readOnly || this.running === session) return;
    this.running = session;
    this.step(session);
  }

  state(): FtsState | null {
    const session = this.ctx.session();
    return session ? ftsState(session.store, !session.readOnly) : null;
  }

  private step(session: CaseSession): void {
    this.ctx
      // The full-text index first (bare words wait for it), then the workspace's other indexes.
      .background((current) => current === session && !session.readOnly && (indexNextChunk(session.store) || buildNextIndex(session.store)))
      .then(
        (more) => {
          if (this.ctx.session() !== session) return this.stop(session);
          this.ctx.emit(ftsState(session.store, true));
          // setImmediate: let waiting reads and socket writes run before the next chunk.
          if (more) setImmediate(() => this.step(session));
          else {
            this.stop(session);
            void this.ctx.save();
          }
        },
        () => this.stop(session),
      );
  }

  private stop(session: CaseSession): void {
    if (this.running === session) this.running = null;
  }
}
