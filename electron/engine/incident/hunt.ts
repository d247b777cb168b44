// Retro-hunt: indicator files (or one case's confirmed indicators) over every case in a folder,
// to answer "did anyone else reach this?" when a new phishing report arrives. Each case is opened
// for inspection only: no lock taken, nothing recorded, nothing saved, so the case files are
// byte-for-byte what they were. The matching is detection's own (IocMatcher over one scan).
import type { HuntHit } from '../../common/incident';
import { CaseSession } from '../custody/session';
import { IocCollector } from '../detect/ioc-hits';
import { IocMatcher } from '../detect/ioc/matcher';
import type { IndicatorFile } from '../detect/ioc/types';
import { scanEvents } from '../detect/scan';
import { casesIn } from './case-folder';

export interface HuntResult {
  hits: HuntHit[];
  cases: string[];
  unreadable: { case: string; reason: string }[];
  indicators: number;
}

export async function huntCases(target: string, files: IndicatorFile[]): Promise<HuntResult> {
  const matcher = new IocMatcher(files);
  const cases = casesIn(target);
  const hits: HuntHit[] = [];
  const unreadable: HuntResult['unreadable'] = [];
  for (const file of cases) {
    let session: CaseSession;
    try {
      session = await CaseSession.open(file, { readOnly: true });
    } catch (err) {
      unreadable.push({ case: file, reason: (err as Error).message });
      continue;
    }
    try {
      const collector = new IocCollector(matcher);
      scanEvents(session.store, [collector.visit], { iocColumns: true });
      for (const h of collector.hits) {
        hits.push({ case: file, indicator: h.indicator, host: h.host, src_ip: h.src_ip, user: h.user, time: h.time, event_id: h.event_id, url: h.url, field: h.field });
      }
    } finally {
      session.close();
    }
  }
  hits.sort((a, b) => a.time.localeCompare(b.time) || a.case.localeCompare(b.case) || a.event_id - b.event_id);
  return { hits, cases, unreadable, indicators: matcher.count };
}
