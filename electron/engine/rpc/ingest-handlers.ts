// ingest.files: each file ingested with custody (ingest.started ... evidence.parsed), progress
// pushed as ingest.progress events, and a failure reported on the file's own row rather than
// aborting the others.
import path from 'node:path';
import type { Args, IngestFileResult } from '../../common/protocol';
import { ingestWithCustody } from '../custody/ingest-custody';
import { codeOf } from '../coded-error';
import { UnrecognizedFormatError } from '../errors';
import { UnreadableInputError } from '../ingest/file-ingest';
import { resolveIngestChoices } from '../ingest/ingest-options';
import type { HandlerContext, HandlerImpl } from './context';
import { keepIfIndicatorFile } from './indicator-intake';

export type IngestMethod = 'ingest.files' | 'ingest.cancel';

export function createIngestHandlers(ctx: HandlerContext): Pick<HandlerImpl, IngestMethod> {
  // Running (or queued) jobs by id; ingest.cancel does not wait in the write queue.
  const jobs = new Map<string, AbortController>();
  return {
    'ingest.files': (args) => {
      const controller = new AbortController();
      jobs.set(String(args.jobId), controller);
      return ctx.serial(() => ingestFiles(ctx, args, controller.signal)).finally(() => jobs.delete(String(args.jobId)));
    },
    'ingest.cancel': async (args) => {
      const job = jobs.get(String(args.jobId));
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}

async function ingestFiles(ctx: HandlerContext, args: Args<'ingest.files'>, signal: AbortSignal): Promise<IngestFileResult[]> {
  const session = ctx.session();
  session.requireWritable();
  const store = session.store;
  const results: IngestFileResult[] = [];
  for (const f of args.files) {
    const name = f.originalName ?? path.basename(f.path);
    const progress = { jobId: args.jobId, path: f.path, name };
    try {
      ctx.checkPath(f.path);
      // Indicator lists dropped with the logs become IOC files (decided by content, unless
      // the examiner chose a format or a mapping for this file).
      const indicator = f.format || f.mapping ? null : keepIfIndicatorFile(session, f.path, name);
      if (indicator) {
        ctx.emit('ingest.progress', { ...progress, bytesRead: 0, totalBytes: 0, events: 0, rejected: 0, eventsPerSecond: 0, done: true, indicator });
        results.push({ path: f.path, name, ok: true, indicator });
        continue;
      }
      const evidence = await ingestWithCustody(session, {
        path: f.path,
        displayName: name,
        format: f.format || undefined,
        mapping: f.mapping,
        timezone: f.timezone || store.meta().timezone,
        ...resolveIngestChoices({ encoding: f.encoding, baseYear: f.baseYear }),
        acquisition: f.acquisition,
        onProgress: (p) => ctx.emit('ingest.progress', { ...progress, ...p, done: false }),
        signal,
      });
      ctx.emit('ingest.progress', {
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
      const coded = err instanceof UnreadableInputError ? err.coded : { code: 'ingest.failed', params: { message: codeOf(err) ?? (err as Error).message } };
      const errorCode = coded ? { error_code: coded } : {};
      // The UI offers the column-mapping dialog for these.
      const unmapped = err instanceof UnrecognizedFormatError ? { needsMapping: true } : {};
      ctx.emit('ingest.progress', {
        ...progress,
        bytesRead: 0,
        totalBytes: 0,
        events: 0,
        rejected: 0,
        eventsPerSecond: 0,
        done: true,
        error: message,
        ...errorCode,
        ...unmapped,
      });
      results.push({ path: f.path, name, ok: false, error: message, ...errorCode, ...unmapped });
    }
  }
  const info = ctx.caseInfo();
  if (info) ctx.emit('case.changed', info);
  ctx.kickIndexing();
  return results;
}
