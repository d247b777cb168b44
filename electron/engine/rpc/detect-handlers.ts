// The detection calls of the RPC: run detection (with the case's indicator files and the
// examiners' reviews), review a finding, list reviews and indicator files. A run on a writable
// case is itself a custody entry (detection.run: rules, indicator files with SHA-256, counts);
// read-only cases (another holder, reviewer mode) can run detection but record nothing.
import path from 'node:path';
import type { DetectResult } from '../../common/detect';
import type { IocFileRequest } from '../../common/detect-review';
import { ActionError } from '../custody/actions';
import type { CaseSession } from '../custody/session';
import { keepIocFile, listIocFiles, loadIocFiles, readIocFile, writeIocWorkdir, type IocBytes } from '../detect/case-ioc-files';
import { runDetection } from '../detect/index';
import { listReviews, loadReviews, reviewFinding } from '../detect/review';
import type { HandlerContext, HandlerImpl } from './context';

export type DetectMethod = 'detect.run' | 'detect.last' | 'detect.review' | 'detect.reviews' | 'detect.iocFiles';

export type DetectContext = Pick<HandlerContext, 'session' | 'act' | 'checkUpload' | 'changed'>;

// The last result per open case: reviews name a finding of the run the examiner is looking at.
const lastRuns = new WeakMap<CaseSession, DetectResult>();

export function createDetectHandlers(ctx: DetectContext): Pick<HandlerImpl, DetectMethod> {
  return {
    'detect.run': async (args) =>
      ctx.act(async (session) => {
        const given = (Array.isArray(args.iocFiles) ? args.iocFiles : []).map((f: IocFileRequest) => {
          ctx.checkUpload(String(f.path), 'serve mode reads only IOC files uploaded to this case');
          return readIocFile(String(f.path), f.originalName ?? path.basename(String(f.path)));
        });
        const result = await detect(session, given, chainWindow(args.chainWindowHours));
        lastRuns.set(session, result);
        if (!session.readOnly) ctx.changed();
        return result;
      }),
    'detect.last': async () => lastRuns.get(ctx.session()) ?? null,
    'detect.review': async (args) =>
      ctx.act((session) => {
        session.requireWritable();
        const finding = lastRuns.get(session)?.findings.find((f) => f.id === args.findingId);
        if (!finding) throw new ActionError(`no finding "${String(args.findingId)}" in the last detection run; run detection again`);
        const review = reviewFinding(session, finding, args.verdict, args.comment);
        // The shown run reflects the review at once; the next run takes it from the case.
        finding.review = { verdict: review.verdict, examiner: review.examiner, time: review.time, comment: review.comment };
        ctx.changed();
        return review;
      }),
    'detect.reviews': async () => listReviews(ctx.session().store),
    'detect.iocFiles': async () => listIocFiles(ctx.session().store),
  };
}

/**
 * One detection run over the case's indicator files plus the ones just given. New files are
 * kept in the case only after a run with them succeeded, so a file detection cannot read never
 * becomes part of every later run.
 */
/** The longest chain window the UI offers: a year. */
const MAX_CHAIN_WINDOW_HOURS = 24 * 366;

/** The chain window asked for, checked as the CLI's --chain-window is (hours above 0); undefined: the default. */
function chainWindow(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const hours = Number(value);
  if (!(hours > 0) || hours > MAX_CHAIN_WINDOW_HOURS) {
    throw new ActionError(`the chain window is a number of hours above 0 and at most ${MAX_CHAIN_WINDOW_HOURS}, not "${String(value)}"`, {
      code: 'detect.chainWindow',
      params: { value: String(value), max: String(MAX_CHAIN_WINDOW_HOURS) },
    });
  }
  return hours;
}

async function detect(session: CaseSession, given: IocBytes[], chainWindowHours: number | undefined): Promise<DetectResult> {
  const store = session.store;
  const kept = loadIocFiles(store);
  const known = new Set(kept.files.map((f) => f.sha256));
  const fresh: IocBytes[] = [];
  for (const f of given) {
    if (known.has(f.sha256)) continue;
    known.add(f.sha256);
    fresh.push(f);
  }
  const iocFiles = [...kept.files, ...fresh];
  const reviews = loadReviews(store);
  const work = writeIocWorkdir(iocFiles);
  let result: DetectResult;
  try {
    result = await runDetection(store, { iocFiles: work.paths, reviews, ...(chainWindowHours !== undefined ? { chainWindowHours } : {}) });
  } catch (err) {
    throw work.explain(err);
  } finally {
    work.cleanup();
  }
  for (const m of kept.missing) {
    result.rules.problems.push({
      file: m.name,
      rule: null,
      message: `IOC file not used: its bytes were not saved in the case (SHA-256 ${m.sha256}); add the file again`,
      message_code: { code: 'ioc.notSaved', params: { sha256: m.sha256 } },
    });
  }
  if (!session.readOnly) {
    for (const f of fresh) keepIocFile(session, f);
    session.record('detection.run', {
      rules: { loaded: result.rules.loaded, problems: result.rules.problems.length },
      iocFiles: iocFiles.map((f) => ({ name: f.name, sha256: f.sha256 })),
      findings: result.findings.length,
      confirmed: result.findings.filter((f) => f.review?.verdict === 'confirmed').length,
      dismissed: result.findings.filter((f) => f.review?.verdict === 'dismissed').length,
      patientZero: result.incident.patient_zero?.host ?? null,
      hosts: result.incident.hosts,
      iocHits: result.incident.ioc_hits.length,
      elapsedSeconds: result.elapsed_s,
      // The window patient zero was chosen with, when the examiner changed it (else the default).
      ...(chainWindowHours !== undefined ? { chainWindowHours } : {}),
    });
  }
  return result;
}
