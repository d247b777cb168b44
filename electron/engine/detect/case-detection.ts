// Detection as the command line runs it (`detect`, and `export` for its reports): a fresh run
// over the case with the indicator files kept in it plus any given now, and the examiners'
// reviews in force (dismissed findings leave the story), as the workbench's own run does, so
// the CLI, the app and the reports agree.
import type { DetectResult } from '../../common/detect';
import { loadIocFiles, writeIocWorkdir } from './case-ioc-files';
import { runDetection } from './index';
import { loadReviews } from './review';
import type { CaseStore } from '../store/case-store';

export async function detectWithCaseIocs(store: CaseStore, iocFiles: string[], ruleFiles: string[] = [], chainWindowHours?: number): Promise<DetectResult> {
  const kept = loadIocFiles(store);
  const work = writeIocWorkdir(kept.files);
  try {
    const result = await runDetection(store, { iocFiles: [...work.paths, ...iocFiles], ruleFiles, reviews: loadReviews(store), chainWindowHours });
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
