// The choices an examiner can make for a file before it is ingested, as the form holds them
// (strings; '' means "detect"), and their check and conversion into an ingest request.
import { MAX_BASE_YEAR, MIN_BASE_YEAR, type IngestChoices } from '../../contracts';
import type { Translate } from '../../i18n';
import { isValidTimeZone } from '../../lib/time-zone';

export interface ChoiceFields {
  /** '' = the case's zone. */
  timezone: string;
  /** '' = detected from the content. */
  encoding: string;
  /** '' = recognized from the content. */
  format: string;
  /** '' = the file's modification year. */
  baseYear: string;
}

export const AUTO_CHOICES: ChoiceFields = { timezone: '', encoding: '', format: '', baseYear: '' };

/** Why these choices cannot be used, or null (in the examiner's language). */
export function choiceProblem(c: ChoiceFields, t: Translate): string | null {
  if (c.timezone.trim() && !isValidTimeZone(c.timezone.trim())) return t('intake.unknownZone', { zone: c.timezone.trim() });
  const year = c.baseYear.trim();
  if (year && (!/^\d{4}$/.test(year) || Number(year) < MIN_BASE_YEAR || Number(year) > MAX_BASE_YEAR)) {
    return t('intake.badYear', { min: MIN_BASE_YEAR, max: MAX_BASE_YEAR });
  }
  return null;
}

export function toIngestChoices(c: ChoiceFields): IngestChoices {
  const out: IngestChoices = {};
  if (c.timezone.trim()) out.timezone = c.timezone.trim();
  if (c.encoding) out.encoding = c.encoding;
  if (c.format) out.format = c.format;
  if (c.baseYear.trim()) out.baseYear = Number(c.baseYear.trim());
  return out;
}

/** "zone Asia/Tokyo, Shift_JIS, year 2019" — what differs from detection, for a summary line. */
export function describeChoices(c: ChoiceFields, t: Translate): string {
  const parts = [
    c.timezone.trim() && t('intake.summary.zone', { zone: c.timezone.trim() }),
    c.encoding && t('intake.summary.encoding', { encoding: c.encoding }),
    c.format && t('intake.summary.format', { format: c.format }),
    c.baseYear.trim() && t('intake.summary.year', { year: c.baseYear.trim() }),
  ].filter(Boolean);
  return parts.length ? parts.join(t('intake.summary.separator')) : t('intake.summary.allDetected');
}
