// The engine as the renderer sees it: one object implementing every method of the
// Handlers map (electron/common/protocol.ts), independent of the transport carrying it.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
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
import { FORMATS } from '../formats/registry';
import { ingestFile, UnreadableInputError } from '../ingest/file-ingest';
import { CaseStore } from '../store/case-store';
import { countEvents, eventDetail, pageEvents } from '../store/event-queries';
import { listEvidence } from '../store/evidence-registry';
import { isValidTimeZone } from '../time/zone';
import { VERSION } from '../version';
import { SerialQueue } from './serial-queue';

export type EngineMode = 'desktop' | 'serve' | 'cli';

export interface EngineServiceOptions {
  mode: EngineMode;
  /** Where cases are listed and created. */
  workspaceDir: string;
  /** A case to open at start. */
  casePath?: string;
}

export type HandlerImpl = { [M in Method]: (args: Args<M>) => Promise<Result<M>> };
type Listener = <E extends EngineEventName>(name: E, payload: EngineEvents[E]) => void;

export class EngineService {
  private store: CaseStore | null = null;
  private readonly listeners = new Set<Listener>();
  /** Writes (ingest, open, create) run one at a time; reads interleave. */
  private readonly writes = new SerialQueue();

  constructor(readonly options: EngineServiceOptions) {}

  async start(): Promise<void> {
    if (this.options.casePath) await this.openCase(this.options.casePath);
  }

  get currentCase(): CaseStore | null {
    return this.store;
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
    if (!this.store) throw new Error('no case is open');
    return this.store;
  }

  private caseInfo(): CaseInfo | null {
    const s = this.store;
    if (!s) return null;
    const meta = s.meta();
    return {
      path: s.path,
      name: meta.name,
      caseId: meta.caseId,
      createdAt: meta.createdAt,
      timezone: meta.timezone,
      events: countEvents(s),
      evidence: Number(s.scalar('SELECT count(*) FROM evidence')),
    };
  }

  private async openCase(file: string): Promise<CaseInfo> {
    const next = await CaseStore.open(file);
    this.store?.close();
    this.store = next;
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
        const created = await CaseStore.create(file, { name, timezone });
        created.close();
        return this.openCase(file);
      }),
    'case.open': (args) => this.writes.run(() => this.openCase(this.checkCasePath(String(args.path)))),
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
  };

  private async ingestFiles(args: Args<'ingest.files'>): Promise<IngestFileResult[]> {
    const store = this.requireCase();
    const results: IngestFileResult[] = [];
    for (const f of args.files) {
      const name = f.originalName ?? path.basename(f.path);
      const progress = { jobId: args.jobId, path: f.path, name };
      try {
        this.checkIngestPath(f.path);
        const evidence = await ingestFile(store, {
          path: f.path,
          displayName: name,
          format: f.format,
          timezone: f.timezone ?? store.meta().timezone,
          onProgress: (p) => this.emit('ingest.progress', { ...progress, ...p, done: false }),
        });
        store.save();
        this.emit('ingest.progress', {
          ...progress,
          bytesRead: evidence.size,
          totalBytes: evidence.size,
          events: evidence.events,
          rejected: evidence.rejected,
          eventsPerSecond: 0,
          done: true,
        });
        results.push({ path: f.path, name, ok: true, evidence });
      } catch (err) {
        const message = err instanceof UnreadableInputError ? err.message : `failed: ${(err as Error).message}`;
        this.emit('ingest.progress', {
          ...progress,
          bytesRead: 0,
          totalBytes: 0,
          events: 0,
          rejected: 0,
          eventsPerSecond: 0,
          done: true,
          error: message,
        });
        results.push({ path: f.path, name, ok: false, error: message });
      }
    }
    const info = this.caseInfo();
    if (info) this.emit('case.changed', info);
    return results;
  }

  close(): void {
    this.store?.close();
    this.store = null;
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
