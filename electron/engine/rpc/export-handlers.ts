// The export call of the RPC. The same writers as `tracelight export`; the app's detection
// result is the run the examiner is looking at (or a new run when there is none). Desktop:
// the files go where the native save dialog said. Serve mode: a browser must not name paths on
// this machine, so the files go into the case's exports folder and the page downloads them from
// serve's /exports/ route.
import path from 'node:path';
import type { DetectResult } from '../../common/detect';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, type ExportFormat, type ExportRunResult } from '../../common/export';
import type { CaseSession } from '../custody/session';
import { ensureExportsDir } from '../export/exports-dir';
import { runExports } from '../export/run-exports';
import { checkTargets, type ExportTarget } from '../export/targets';
import type { HandlerContext, HandlerImpl } from './context';
import { safeFileName } from './safe-file-name';

export type ExportMethod = 'export.run';

export type ExportContext = Pick<HandlerContext, 'mode' | 'session' | 'act' | 'lastDetection' | 'runDetection' | 'changed'>;

const SUFFIX: Record<ExportFormat, string> = { pdf: 'report', xlsx: 'workbook', csv: 'timeline', timesketch: 'timesketch' };

export function createExportHandlers(ctx: ExportContext): Pick<HandlerImpl, ExportMethod> {
  return {
    'export.run': async (args) => {
      const formats = [...new Set(Array.isArray(args.formats) ? args.formats : [])].filter((f) => EXPORT_FORMATS.includes(f));
      if (!formats.length) throw new Error('choose at least one format to export');
      const language = args.language === 'ja' ? 'ja' : 'en';
      // Resolved before taking the write queue: a detection run takes it too.
      let detection: DetectResult | null = null;
      if (args.detection === 'run') detection = await ctx.runDetection();
      else if (args.detection === 'last') detection = (await ctx.lastDetection()) ?? (await ctx.runDetection());
      return ctx.act(async (session): Promise<ExportRunResult> => {
        const desktop = ctx.mode() !== 'serve';
        const paths = desktop ? desktopPaths(formats, args.paths) : servePaths(session, formats);
        checkTargets(
          session,
          formats.map((kind) => ({ kind, path: paths[kind]! }) as ExportTarget),
          desktop && args.overwrite === true,
        );
        const results = await runExports(session, paths, { language, detection, filter: args.filter });
        if (!session.readOnly) ctx.changed();
        return {
          detectionIncluded: detection !== null,
          notRecordedReason: session.readOnly ? `case is read-only: ${session.readOnlyReason}` : undefined,
          files: results.map((r) => ({
            kind: r.kind,
            name: path.basename(r.path),
            path: r.path,
            bytes: r.bytes,
            sha256: r.sha256,
            rows: r.rows,
            download: desktop ? undefined : `/exports/${encodeURIComponent(path.basename(r.path))}`,
          })),
        };
      });
    },
  };
}

function desktopPaths(formats: ExportFormat[], given: Partial<Record<ExportFormat, string>> | undefined): Partial<Record<ExportFormat, string>> {
  const out: Partial<Record<ExportFormat, string>> = {};
  for (const f of formats) {
    const p = given?.[f];
    if (typeof p !== 'string' || !path.isAbsolute(p)) throw new Error(`no file chosen for the ${f} export`);
    out[f] = p;
  }
  return out;
}

/** CASE.exports/<case name>_<UTC time>_<what>.<ext>: new names every time, never an overwrite. */
function servePaths(session: CaseSession, formats: ExportFormat[]): Partial<Record<ExportFormat, string>> {
  const dir = ensureExportsDir(session.path);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = safeFileName(session.meta().name);
  const out: Partial<Record<ExportFormat, string>> = {};
  for (const f of formats) out[f] = path.join(dir, `${base}_${stamp}_${SUFFIX[f]}.${EXPORT_EXTENSIONS[f]}`);
  return out;
}
