// The app's evidence package export: the same writer as `tracelight export --package`. As for
// the other exports, desktop writes where the native save dialog said; serve mode writes into
// the case's exports folder (a browser must not name paths here) and the page downloads the
// zip from serve's /exports/ route.
import path from 'node:path';
import type { DetectResult } from '../../common/detect';
import type { PackageExportResult } from '../../common/package';
import { ensureExportsDir } from '../export/exports-dir';
import { writeEvidencePackage } from '../export/package/write-package';
import { checkTargets } from '../export/targets';
import type { HandlerContext, HandlerImpl } from './context';
import { safeFileName } from './safe-file-name';

export type PackageMethod = 'package.export';

export type PackageContext = Pick<HandlerContext, 'mode' | 'act' | 'lastDetection' | 'runDetection' | 'changed'>;

export function createPackageHandlers(ctx: PackageContext): Pick<HandlerImpl, PackageMethod> {
  return {
    'package.export': async (args) => {
      const language = args.language === 'ja' ? 'ja' : 'en';
      // Resolved before taking the write queue: a detection run takes it too.
      let detection: DetectResult | null = null;
      if (args.detection === 'run') detection = await ctx.runDetection();
      else if (args.detection === 'last') detection = (await ctx.lastDetection()) ?? (await ctx.runDetection());
      return ctx.act(async (session): Promise<PackageExportResult> => {
        const desktop = ctx.mode() !== 'serve';
        let target: string;
        if (desktop) {
          if (typeof args.path !== 'string' || !path.isAbsolute(args.path)) throw new Error('no file chosen for the evidence package');
          target = args.path;
        } else {
          const stamp = new Date().toISOString().replace(/[:.]/g, '-');
          target = path.join(ensureExportsDir(session.path), `${safeFileName(session.meta().name)}_${stamp}_package.zip`);
        }
        checkTargets(session, [{ kind: 'package', path: target }], desktop && args.overwrite === true);
        const r = await writeEvidencePackage(session, target, { language, detection, includeOriginals: args.includeOriginals !== false });
        if (!session.readOnly) ctx.changed();
        return {
          name: path.basename(r.path),
          path: r.path,
          bytes: r.bytes,
          sha256: r.sha256,
          files: r.files,
          download: desktop ? undefined : `/exports/${encodeURIComponent(path.basename(r.path))}`,
          notRecordedReason: r.notRecordedReason,
        };
      });
    },
  };
}
