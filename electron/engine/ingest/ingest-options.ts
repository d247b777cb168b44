// Validates the per-file choices an examiner makes at ingest (CLI flags or the intake UI)
// before anything is journaled: an unknown encoding or an impossible base year is refused
// with a message, never silently replaced by the detected value.
import { canonicalEncoding, CHOOSABLE_ENCODINGS, MAX_BASE_YEAR, MIN_BASE_YEAR } from '../../common/ingest-options';
import type { TextEncoding } from './encoding';
import { UnreadableInputError } from '../errors';

export interface ResolvedChoices {
  encoding?: TextEncoding;
  baseYear?: number;
}

export function resolveIngestChoices(given: { encoding?: string | null; baseYear?: number | string | null }): ResolvedChoices {
  const out: ResolvedChoices = {};
  if (given.encoding !== undefined && given.encoding !== null && String(given.encoding).trim() !== '') {
    const encoding = canonicalEncoding(String(given.encoding));
    if (!encoding) {
      const known = `${CHOOSABLE_ENCODINGS.map((e) => e.id).join(', ')}, or cp932`;
      throw new UnreadableInputError(`unknown encoding "${given.encoding}" (one of ${known})`, { code: 'ingest.encoding', params: { encoding: String(given.encoding), known } });
    }
    out.encoding = encoding;
  }
  if (given.baseYear !== undefined && given.baseYear !== null && String(given.baseYear).trim() !== '') {
    const year = Number(given.baseYear);
    if (!Number.isInteger(year) || year < MIN_BASE_YEAR || year > MAX_BASE_YEAR) {
      throw new UnreadableInputError(`invalid base year "${given.baseYear}" (a year from ${MIN_BASE_YEAR} to ${MAX_BASE_YEAR})`, {
        code: 'ingest.baseYear',
        params: { year: String(given.baseYear), min: String(MIN_BASE_YEAR), max: String(MAX_BASE_YEAR) },
      });
    }
    out.baseYear = year;
  }
  return out;
}
