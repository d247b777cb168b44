// Sections that features above export (incident, assist) add to the case report. Export knows
// no feature: each registers what it shows (computed once, so the cover's content digest covers
// it) and how it is drawn. Registered at load by the feature's module (see rpc/replay-effects.ts,
// which every entry point that opens cases loads).
import type { DetectResult } from '../../../common/detect';
import type { CaseSession } from '../../custody/session';
import type { ReportWriter } from './writer';

export type ReportLang = 'en' | 'ja';

export interface FeatureSection<T> {
  /** The key under which the section's data joins the report's content digest. */
  id: string;
  /** Where it goes: after the story ('story') or at the end of the executive summary ('summary'). */
  after: 'summary' | 'story';
  /** The data shown, or null when there is nothing to show (or it cannot be read). */
  collect(session: CaseSession, detection: DetectResult | null, lang: ReportLang): T | null;
  write(w: ReportWriter, data: T, lang: ReportLang): void;
}

const sections: FeatureSection<unknown>[] = [];

export function registerReportSection<T>(section: FeatureSection<T>): void {
  if (sections.some((s) => s.id === section.id)) return;
  sections.push(section as FeatureSection<unknown>);
}

export interface CollectedSection {
  section: FeatureSection<unknown>;
  data: unknown;
}

/** Every registered section's data; a section that fails to read is left out, not the report. */
export function collectFeatureSections(session: CaseSession, detection: DetectResult | null, lang: ReportLang): CollectedSection[] {
  const out: CollectedSection[] = [];
  for (const section of sections) {
    try {
      const data = section.collect(session, detection, lang);
      if (data !== null && data !== undefined) out.push({ section, data });
    } catch {
      // The report goes on without this section.
    }
  }
  return out;
}
