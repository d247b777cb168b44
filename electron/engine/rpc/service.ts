// The engine as the renderer sees it: one object implementing every method of the
// Handlers map (electron/common/protocol.ts), independent of the transport carrying it.
// The case's life cycle is the CaseHost's, which paths a caller may name is the PathPolicy's;
// the handlers live in rpc/<area>-handlers.ts, each created from the one HandlerContext.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CaseSession } from '../custody/session';
import { reviewUploadDir } from '../review/open-review';
import type { CaseStore } from '../store/case-store';
import { createBookmarkHandlers } from './bookmark-handlers';
import { CaseHost, type Listener } from './case-host';
import { createCaseHandlers } from './case-handlers';
import type { EngineMode, HandlerContext, HandlerImpl } from './context';
import { createDetectHandlers } from './detect-handlers';
import { createEventHandlers } from './event-handlers';
import { createEvidenceHandlers } from './evidence-handlers';
import { createExportHandlers } from './export-handlers';
import { createImportHandlers } from './import-handlers';
import { createIncidentHandlers } from './incident-handlers';
import { createIngestHandlers } from './ingest-handlers';
import { createInvestigateHandlers } from './investigate-handlers';
import { createPackageHandlers } from './package-handlers';
import { PathPolicy } from './path-policy';
import './replay-effects';
import { createReviewHandlers } from './review-handlers';
import { createAssistHandlers } from './assist-handlers';
import { FtsScheduler } from './fts-scheduler';
import { createWorkspaceHandlers } from './workspace-handlers';

export type { EngineMode, HandlerContext, HandlerImpl } from './context';
export { safeFileName } from './safe-file-name';

export interface EngineServiceOptions {
  mode: EngineMode;
  /** Where cases are listed and created. */
  workspaceDir: string;
  /** A case to open at start. */
  casePath?: string;
  /** An evidence package to open read-only at start (reviewer mode: `serve --review F.zip`). */
  reviewPackage?: string;
  /** The examiner recorded until the UI sets one (default: TRACELIGHT_EXAMINER or the OS user). */
  examiner?: string;
}

export class EngineService {
  private readonly host = new CaseHost(() => this.options.examiner);
  private readonly paths: PathPolicy;
  /** Fills the full-text index (then the workspace's indexes) after ingests, between other writes. */
  private readonly fts: FtsScheduler;
  /** What every handler file receives. */
  readonly ctx: HandlerContext;

  constructor(readonly options: EngineServiceOptions) {
    this.paths = new PathPolicy(options);
    const host = this.host;
    this.fts = new FtsScheduler({ session: () => host.currentSession, background: (fn) => host.background(fn), save: () => host.save(), emit: (state) => host.emit('search.fts', state) });
    this.ctx = {
      mode: () => this.options.mode,
      workspaceDir: () => this.options.workspaceDir,
      session: () => host.requireSession(),
      act: (fn) => host.act(fn),
      read: (method, args) => host.read(method, args),
      serial: (fn) => host.writes.run(fn),
      scheduleCheckpoint: () => host.scheduleCheckpoint(),
      changed: () => host.changed(),
      caseInfo: () => host.caseInfo(),
      emit: (name, payload) => host.emit(name, payload),
      openCase: async (file, examiner, create) => {
        const info = await host.openCase(file, examiner, create);
        this.fts.kick();
        return info;
      },
      kickIndexing: () => this.fts.kick(),
      open: (file, examiner) => host.openReviewPackage(file, examiner),
      close: () => host.closeSession(),
      current: () => host.currentReview,
      uploadDir: () => this.uploadDir(),
      reviewUploadDir: () => reviewUploadDir(),
      trustedPackage: () => this.options.reviewPackage && path.resolve(this.options.reviewPackage),
      checkPath: (p) => this.checkIngestPath(p),
      checkUpload: (p, refusal) => this.paths.checkUpload(p, () => this.uploadDir(), refusal),
      checkCasePath: (p) => this.paths.checkCasePath(p),
      lastDetection: () => this.handlers['detect.last']({}),
      runDetection: () => this.handlers['detect.run']({}),
    };
    this.handlers = {
      ...createCaseHandlers(this.ctx),
      ...createEvidenceHandlers(this.ctx),
      ...createIngestHandlers(this.ctx),
      ...createEventHandlers(this.ctx),
      ...createBookmarkHandlers(this.ctx),
      ...createImportHandlers(this.ctx),
      ...createDetectHandlers(this.ctx),
      ...createExportHandlers(this.ctx),
      ...createPackageHandlers(this.ctx),
      ...createReviewHandlers(this.ctx),
      ...createIncidentHandlers(this.ctx),
      ...createInvestigateHandlers(this.ctx),
      ...createAssistHandlers(this.ctx),
      ...createWorkspaceHandlers({ session: () => host.requireSession(), act: (fn) => host.act(fn), read: (method, args) => host.read(method, args), fts: this.fts }),
    };
  }

  readonly handlers: HandlerImpl;

  async start(): Promise<void> {
    if (this.options.casePath) {
      await this.host.openCase(this.options.casePath);
      this.fts.kick();
    }
    if (this.options.reviewPackage) await this.host.openReviewPackage(this.options.reviewPackage);
  }

  get currentCase(): CaseStore | null {
    return this.host.currentCase;
  }

  onEvent(listener: Listener): () => void {
    return this.host.onEvent(listener);
  }

  /** Directory where serve mode stores uploaded evidence for the open case. */
  uploadDir(): string {
    const store = this.requireSession().store;
    const dir = store.path.replace(/\.tlcase$/i, '') + '.evidence';
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** The open review's PDF report (serve's download route), or null. */
  reviewReportFile(): string | null {
    return this.host.currentReview?.reportFile ?? null;
  }

  close(): void {
    this.host.closeSession();
  }

  private requireSession(): CaseSession {
    return this.host.requireSession();
  }

  private checkIngestPath(p: string): void {
    this.paths.checkUpload(p, () => this.uploadDir(), 'serve mode ingests only files uploaded to this case');
  }
}

export function createEngineService(options: EngineServiceOptions): EngineService {
  return new EngineService(options);
}
