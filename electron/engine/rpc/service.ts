// The engine as the renderer sees it: one object implementing every method of the
// Handlers map (electron/common/protocol.ts), independent of the transport carrying it.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type {
  Args,
  CaseInfo,
  EngineEventName,
  EngineEvents,
  IngestFileResult,
  Method,
  Result,
} from '../../common/protocol';
import { addNote, addTag, editCase, editEvidence, editNote, removeEvidence, removeTag } from '../custody/actions';
import { listBookmarks, noteHistory } from '../custody/bookmarks';
import { ingestWithCustody } from '../custody/ingest-custody';
import { skewEvidence } from '../custody/skew';
import { resolveIngestChoices } from '../ingest/ingest-options';
import { CaseSession } from '../custody/session';
import { verifyEvidence } from '../custody/verify-evidence';
import { FORMATS } from '../formats/registry';
import { UnreadableInputError } from '../ingest/file-ingest';
import { UnrecognizedFormatError } from '../ingest/errors';
import type { CaseStore } from '../store/case-store';
import { countEvents, eventDetail, pageEvents } from '../store/event-queries';
import { listEvidence, readEvidence } from '../store/evidence-registry';
import { isValidTimeZone } from '../time/zone';
import { VERSION } from '../version';
import { createAssistHandlers } from './assist-handlers';
import { dropSnapshot } from '../assist/run-bounded';
import { createDetectHandlers } from './detect-handlers';
import { createExportHandlers } from './export-handlers';
import { createImportHandlers } from './import-handlers';
import { createPackageHandlers } from './package-handlers';
import { createReviewHandlers } from './review-handlers';
import { openReview, reviewUploadDir, type OpenedReview } from '../review/open-review';
import { SerialQueue } from './serial-queue';

export type EngineMode = 'desktop' | 'serve' | 'cli';

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

// The journal makes every action durable at once; the whole case file is rewritten (and the
// journal restarted) shortly after activity settles, and when the case is closed.
const CHECKPOINT_DELAY_MS = 2000;

export type HandlerImpl = { [M in Method]: (args: Args<M>) => Promise<Result<M>> };
type Listener = <E extends EngineEventName>(name: E, payload: EngineEvents[E]) => void;

export class EngineService {
  private session: CaseSession | null = null;
  /** Set while an evidence package is open for review; its session is this.session. */
  private review: OpenedReview | null = null;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();
  /** Writes (ingest, open, create) run one at a time; reads interleave. */
  private readonly writes = new SerialQueue();

  constructor(readonly options: EngineServiceOptions) {}

  async start(): Promise<void> {
    if (this.options.casePath) await this.openCase(this.options.casePath);
    if (this.options.reviewPackage) await this.openReviewPackage(this.options.reviewPackage);
  }

  get currentCase(): CaseStore | null {
    return this.session?.store ?? null;
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EngineEventName>(name: E, payload: EngineEvents[E]): void {
    for (const l of this.listeners) l(name, payload);
  }

  /** Directory where serve mode stores uploaded evidence for the open case. */
  uploadDir(): string {
    const store = this.requireCase();
    const dir = store.path.replace(/\.tlcase$/i, '') + '.evidence';
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private requireCase(): CaseStore {
    return this.requireSession().store;
  }

  private requireSession(): CaseSession {
    if (!this.session) throw new Error('no case is open');
    return this.session;
  }

  /** Runs one examiner action as a write, then schedules the case file's checkpoint. */
  private act<T>(fn: (session: CaseSession) => T): Promise<T> {
    return this.writes.run(async () => {
      const session = this.requireSession();
      const value = fn(session);
      this.scheduleCheckpoint();
      return value;
    });
  }

  private scheduleCheckpoint(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      void this.writes.run(async () => this.session?.checkpoint());
    }, CHECKPOINT_DELAY_MS);
    this.checkpointTimer.unref();
  }

  private caseInfo(): CaseInfo | null {
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
      custody: session.chain,
      incompleteEvidence: Number(s.scalar("SELECT count(*) FROM evidence WHERE status <> 'complete'")),
      review: this.review?.info ?? null,
    };
  }

  private async openCase(file: string, examiner?: string, create?: { name: string; timezone: string }): Promise<CaseInfo> {
    this.closeSession();
    this.session = await CaseSession.open(file, { examiner: examiner ?? this.options.examiner, create });
    const info = this.caseInfo()!;
    this.emit('case.changed', info);
    return info;
  }

  /**
   * In serve mode a browser holding the token could otherwise make the engine read any
   * file on the machine; there, only uploads into the case's evidence folder are read.
   */
  private checkIngestPath(p: string): void {
    if (this.options.mode === 'desktop' || this.options.mode === 'cli') return;
    const dir = path.resolve(this.uploadDir()) + path.sep;
    if (!path.resolve(p).startsWith(dir)) throw new Error('serve mode ingests only files uploaded to this case');
  }

  private checkCasePath(p: string): string {
    const resolved = path.resolve(p);
    if (this.options.mode === 'desktop') return resolved;
    const inWorkspace = path.dirname(resolved) === path.resolve(this.options.workspaceDir);
    if (!inWorkspace && resolved !== (this.options.casePath && path.resolve(this.options.casePath))) {
      throw new Error('only cases in the workspace can be opened from the browser');
    }
    return resolved;
  }

  readonly handlers: HandlerImpl = {
    'app.info': async () => ({ version: VERSION, mode: this.options.mode }),
    'case.current': async () => this.caseInfo(),
    'case.list': async () => {
      mkdirSync(this.options.workspaceDir, { recursive: true });
      return readdirSync(this.options.workspaceDir)
        .filter((f) => f.toLowerCase().endsWith('.tlcase'))
        .map((f) => {
          const full = path.join(this.options.workspaceDir, f);
          const st = statSync(full);
          return { path: full, name: f.replace(/\.tlcase$/i, ''), size: st.size, modified: st.mtime.toISOString() };
        })
        .sort((a, b) => b.modified.localeCompare(a.modified));
    },
    'case.create': (args) =>
      this.writes.run(async () => {
        const name = String(args.name ?? '').trim();
        if (!name) throw new Error('a case needs a name');
        const timezone = args.timezone ?? 'UTC';
        if (!isValidTimeZone(timezone)) throw new Error(`unknown time zone "${timezone}"`);
        mkdirSync(this.options.workspaceDir, { recursive: true });
        const file = path.join(this.options.workspaceDir, `${safeFileName(name)}.tlcase`);
        if (existsSync(file)) throw new Error(`${file}: a file already exists there`);
        return this.openCase(file, args.examiner, { name, timezone });
      }),
    'case.open': (args) => this.writes.run(() => this.openCase(this.checkCasePath(String(args.path)), args.examiner)),
    'case.setExaminer': (args) =>
      this.act((session) => {
        if (!String(args.name ?? '').trim()) throw new Error('an examiner needs a name');
        session.setExaminer(String(args.name));
        return this.changed();
      }),
    'case.edit': (args) =>
      this.act((session) => {
        editCase(session, args.changes ?? {});
        return this.changed();
      }),
    'formats.list': async () =>
      FORMATS.map(({ id, name, family, description, timeSemantics }) => ({ id, name, family, description, timeSemantics })),
    'evidence.list': async () => listEvidence(this.requireCase()),
    'evidence.rejects': async (args) =>
      this.requireCase().all(
        'SELECT id, evidence_id, line, reason, raw FROM rejected_record WHERE evidence_id = ? ORDER BY line LIMIT ? OFFSET ?',
        [Number(args.evidenceId), Math.min(Number(args.limit) || 100, 1000), Number(args.offset) || 0],
      ),
    'ingest.files': (args) => this.writes.run(() => this.ingestFiles(args)),
    'events.count': async (args) => countEvents(this.requireCase(), args.filter),
    'events.page': async (args) => pageEvents(this.requireCase(), args.filter, Number(args.offset), Number(args.limit)),
    'events.detail': async (args) => eventDetail(this.requireCase(), Number(args.id)),
    'evidence.edit': (args) =>
      this.act((session) => {
        editEvidence(session, Number(args.evidenceId), args.changes ?? {});
        return readEvidence(session.store, Number(args.evidenceId));
      }),
    'evidence.skew': (args) =>
      this.act((session) => {
        skewEvidence(session, Number(args.evidenceId), Number(args.skewMs), String(args.reason ?? ''));
        this.changed();
        return readEvidence(session.store, Number(args.evidenceId));
      }),
    'evidence.history': async (args) =>
      this.requireCase().all('SELECT * FROM evidence_edit WHERE evidence_id = ? ORDER BY id', [Number(args.evidenceId)]),
    'evidence.remove': (args) =>
      this.act((session) => {
        removeEvidence(session, Number(args.evidenceId));
        this.changed();
        return { removed: Number(args.evidenceId) };
      }),
    'evidence.verify': () =>
      this.writes.run(async () => {
        const session = this.requireSession();
        // A reviewer has the package, not the original paths: the originals are judged there.
        if (this.review) return this.review.evidenceVerification();
        const results = await verifyEvidence(session.store);
        if (!session.readOnly) {
          session.record('verification.run', { results: results.map((r) => ({ evidenceId: r.evidenceId, status: r.status, sha256: r.actualSha256 ?? null })) });
          this.scheduleCheckpoint();
        }
        return results;
      }),
    'custody.log': async () => {
      const session = this.requireSession();
      return { status: session.chain, entries: session.entries() };
    },
    'tags.add': (args) => this.act((session) => ({ tagId: addTag(session, Number(args.eventId), String(args.label ?? '')).id })),
    'tags.remove': (args) => this.act((session) => (removeTag(session, Number(args.tagId)), { removed: Number(args.tagId) })),
    'notes.add': (args) => this.act((session) => ({ noteId: addNote(session, Number(args.eventId), String(args.text ?? '')).id })),
    'notes.edit': (args) =>
      this.act((session) => ({ noteId: Number(args.noteId), changed: editNote(session, Number(args.noteId), String(args.text ?? '')) !== null })),
    'notes.history': async (args) => noteHistory(this.requireCase(), Number(args.noteId)),
    'bookmarks.list': async (args) => listBookmarks(this.requireCase(), args.text),
    'bookmarks.forEvent': async (args) =>
      listBookmarks(this.requireCase()).find((b) => b.event.id === Number(args.eventId)) ?? null,
    ...createImportHandlers({
      session: () => this.requireSession(),
      act: (fn) => this.act(fn),
      checkPath: (p) => this.checkIngestPath(p),
    }),
    ...createDetectHandlers({
      mode: () => this.options.mode,
      session: () => this.requireSession(),
      act: (fn) => this.act(fn),
      uploadDir: () => this.uploadDir(),
      changed: () => void this.changed(),
    }),
    ...createExportHandlers({
      mode: () => this.options.mode,
      session: () => this.requireSession(),
      act: (fn) => this.act(fn),
      lastDetection: () => this.handlers['detect.last']({}),
      runDetection: () => this.handlers['detect.run']({}),
      changed: () => void this.changed(),
    }),
    ...createPackageHandlers({
      mode: () => this.options.mode,
      act: (fn) => this.act(fn),
      lastDetection: () => this.handlers['detect.last']({}),
      runDetection: () => this.handlers['detect.run']({}),
      changed: () => void this.changed(),
    }),
    ...createAssistHandlers({
      session: () => this.requireSession(),
      act: (fn) => this.act(fn),
      lastDetection: () => this.handlers['detect.last']({}),
      runDetection: () => this.handlers['detect.run']({}),
      changed: () => void this.changed(),
    }),
    ...createReviewHandlers({
      mode: () => this.options.mode,
      serial: (fn) => this.writes.run(fn),
      open: (file, examiner) => this.openReviewPackage(file, examiner),
      close: () => this.closeSession(),
      current: () => this.review,
      uploadDir: () => reviewUploadDir(),
      trustedPackage: () => this.options.reviewPackage && path.resolve(this.options.reviewPackage),
    }),
  };

  /** Reviewer mode: the package's case, verified and read-only, replaces any open case. */
  private async openReviewPackage(file: string, examiner?: string): Promise<CaseInfo> {
    this.closeSession();
    const review = await openReview(file, { examiner: examiner ?? this.options.examiner });
    this.review = review;
    this.session = review.session;
    const info = this.caseInfo()!;
    this.emit('case.changed', info);
    return info;
  }

  /** The open review's PDF report (serve's download route), or null. */
  reviewReportFile(): string | null {
    return this.review?.reportFile ?? null;
  }

  /** Tells every window the case changed (counts, custody head) and returns the new info. */
  private changed(): CaseInfo {
    const info = this.caseInfo()!;
    this.emit('case.changed', info);
    return info;
  }

  private closeSession(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    if (this.session) dropSnapshot(this.session.store);
    this.session?.close();
    this.session = null;
    this.review?.dispose();
    this.review = null;
  }

  private async ingestFiles(args: Args<'ingest.files'>): Promise<IngestFileResult[]> {
    const session = this.requireSession();
    session.requireWritable();
    const store = session.store;
    const results: IngestFileResult[] = [];
    for (const f of args.files) {
      const name = f.originalName ?? path.basename(f.path);
      const progress = { jobId: args.jobId, path: f.path, name };
      try {
        this.checkIngestPath(f.path);
        const evidence = await ingestWithCustody(session, {
          path: f.path,
          displayName: name,
          format: f.format || undefined,
          mapping: f.mapping,
          timezone: f.timezone || store.meta().timezone,
          ...resolveIngestChoices({ encoding: f.encoding, baseYear: f.baseYear }),
          acquisition: f.acquisition,
          onProgress: (p) => this.emit('ingest.progress', { ...progress, ...p, done: false }),
        });
        this.emit('ingest.progress', {
          ...progress,
          bytesRead: evidence.size,
          totalBytes: evidence.size,
          // A zip's own row has no events; its entries do.
          events: evidence.entries ? evidence.entries.reduce((n, e) => n + (e.events ?? 0), 0) : evidence.events,
          rejected: evidence.entries ? evidence.entries.reduce((n, e) => n + (e.rejected ?? 0), 0) : evidence.rejected,
          eventsPerSecond: 0,
          done: true,
        });
        const { entries, ...summary } = evidence;
        results.push({ path: f.path, name, ok: true, evidence: summary, ...(entries ? { entries } : {}) });
      } catch (err) {
        const message = err instanceof UnreadableInputError ? err.message : `failed: ${(err as Error).message}`;
        // The UI offers the column-mapping dialog for these.
        const unmapped = err instanceof UnrecognizedFormatError ? { needsMapping: true } : {};
        this.emit('ingest.progress', {
          ...progress,
          bytesRead: 0,
          totalBytes: 0,
          events: 0,
          rejected: 0,
          eventsPerSecond: 0,
          done: true,
          error: message,
          ...unmapped,
        });
        results.push({ path: f.path, name, ok: false, error: message, ...unmapped });
      }
    }
    const info = this.caseInfo();
    if (info) this.emit('case.changed', info);
    return results;
  }

  close(): void {
    this.closeSession();
  }
}

/** A name safe on every file system, keeping Japanese and other letters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // Control characters are exactly what must go: they are invalid or dangerous in names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 120);
  return cleaned || 'unnamed';
}

export function createEngineService(options: EngineServiceOptions): EngineService {
  return new EngineService(options);
}
