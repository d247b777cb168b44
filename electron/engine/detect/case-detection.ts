// The detection result a report made from the command line shows: a fresh run over the case
// with the indicator files kept in it plus any given now, and the examiners' reviews in force
// (dismissed findings leave the story), as the workbench's own run does.
import type { DetectResult } from '../../common/detect';
import { loadIocFiles, writeIocWorkdir } from '../detect/case-ioc-files';
import { runDetection } from '../detect/index';
import { loadReviews } from '../detect/review';
import type { CaseStore } from '../store/case-store';

export async function detectionForReport(store: CaseStore, iocFiles: string[]): Promise<DetectResult> {
  const kept = loadIocFiles(store);
  const work = writeIocWorkdir(kept.files);
  try {
    const result = await runDetection(store, { iocFiles: [...work.paths, ...iocFiles], reviews: loadReviews(store) });
    for (const m of kept.missing) {
      result.rules.problems.push({ file: m.name, rule: null, message: `IOC file not used: its bytes were not saved in the case (SHA-256 ${m.sha256})` });
    }
    return result;
  } catch (err) {
    throw work.explain(err);
  } finally {
    work.cleanup();
  }
}
