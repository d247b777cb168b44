// Reviewer-mode calls. Opening a package replaces whatever case was open with the package's
// case, read-only: every write the renderer could ask for is then refused by that session
// (record() and ingest refuse a read-only case; nothing is ever saved).
// Serve mode: a browser must not name paths on this machine, so only packages uploaded to
// this run's review folder (PUT /review-upload) or given on the command line are opened.
import { chmodSync, copyFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HandlerContext, HandlerImpl } from './context';
import { isInside } from './path-policy';

export type ReviewMethod = 'review.open' | 'review.close' | 'review.saveReport';

export type ReviewContext = Pick<HandlerContext, 'mode' | 'serial' | 'open' | 'close' | 'current' | 'reviewUploadDir' | 'trustedPackage'>;

export function createReviewHandlers(ctx: ReviewContext): Pick<HandlerImpl, ReviewMethod> {
  return {
    'review.open': (args) =>
      ctx.serial(() => {
        const file = path.resolve(String(args.path ?? ''));
        if (ctx.mode() === 'serve' && !isInside(file, ctx.reviewUploadDir()) && file !== ctx.trustedPackage()) {
          throw new Error('serve mode opens only packages uploaded for review');
        }
        if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`${file}: no such package`);
        return ctx.open(file, args.examiner);
      }),
    'review.close': () =>
      ctx.serial(async () => {
        ctx.close();
        return null;
      }),
    'review.saveReport': async (args) => {
      const review = ctx.current();
      if (!review) throw new Error('no evidence package is open for review');
      if (!review.reportFile) throw new Error('this package holds no verified PDF report');
      if (ctx.mode() === 'serve') throw new Error('in the browser, download the report from its link');
      const target = path.resolve(String(args.path ?? ''));
      copyFileSync(review.reportFile, target);
      chmodSync(target, 0o644);
      return { path: target, bytes: statSync(target).size };
    },
  };
}

