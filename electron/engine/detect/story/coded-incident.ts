// The incident with its texts' codes beside them (common/coded-text.ts): the story is
// assembled with a phrasebook installed, which records the code of each text as it is written
// and knows the codes the findings and beacons came with; the codes are then set beside the
// English, which stays as it was.
import type { BeaconCandidate, Finding, Incident } from '../../../common/detect';
import type { RichIocHit } from '../ioc-hits';
import { Phrasebook, withPhrasebook } from '../said';
import { assembleStory } from './assemble';
import type { StoryData } from './network';

export function assembleIncident(
  data: StoryData,
  findings: readonly Finding[],
  beacons: readonly BeaconCandidate[],
  hits: readonly RichIocHit[],
  chainWindowHours?: number,
): Incident {
  const book = new Phrasebook();
  for (const f of findings) {
    if (f.title_code) book.learn([f.title], [f.title_code]);
    book.learn(f.reasons, f.reason_codes);
  }
  for (const b of beacons) book.learn(b.reasons, b.reason_codes);
  const incident = withPhrasebook(book, () => assembleStory(data, findings, beacons, hits, chainWindowHours));
  const pz = incident.patient_zero;
  return {
    ...incident,
    patient_zero: pz && pz.reason !== undefined ? { ...pz, reason_code: book.codes([pz.reason])[0]! } : pz,
    c2: incident.c2.map((c) => (c.reasons ? { ...c, reason_codes: book.codes(c.reasons) } : c)),
    infected: incident.infected.map((h) => ({
      ...h,
      reason_codes: book.codes(h.reasons),
      steps: h.steps.map((s) => ({ ...s, summary_code: book.codes([s.summary])[0]! })),
    })),
  };
}
