// Which column holds the event time, and in which layout: decided from the column names
// (time, timestamp, 日時, ...) and from the values (the share of sampled values each layout
// parses into a plausible instant). A date column next to a time-of-day column is read as
// one timestamp. DD/MM versus MM/DD is settled by a value above 12 or flagged.
import { TIMESTAMP_FORMATS, type TimestampFormatId, type TimestampProposal } from '../../../common/import-mapping';
import { CLOCK_NAMES, DATE_NAMES, nameMatch, TIME_NAMES } from './field-names';
import { epochUnitByDigits, parseTimestamp, timeContext } from './timestamp-formats';

/** Instants outside these years are not taken as evidence that a column holds times. */
const PLAUSIBLE_FROM = Date.UTC(1980, 0, 1);
const PLAUSIBLE_TO = Date.UTC(2100, 0, 1);
const EPOCH_FORMATS: readonly TimestampFormatId[] = ['epoch_s', 'epoch_ms', 'epoch_us', 'epoch_ns'];
/** A column qualifies when at least this share of its values parse. */
const MIN_RATE = 0.8;

const DATE_ONLY_RE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}年\d{1,2}月\d{1,2}日)$/;
const CLOCK_RE = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?[AaPp]\.?[Mm]\.?)?$/;

export interface ColumnValues {
  source: string;
  /** Non-empty sampled values, trimmed. */
  values: string[];
}

interface FormatRate {
  format: TimestampFormatId;
  parseRate: number;
}

function share(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

/** Parse rate of every layout over the values, best first (ties keep the list's order). */
export function formatRates(values: readonly string[]): FormatRate[] {
  const rates: FormatRate[] = [];
  for (const format of TIMESTAMP_FORMATS) {
    const ctx = timeContext('UTC', new Date().getUTCFullYear());
    const epoch = EPOCH_FORMATS.includes(format);
    const rate = share(values, (v) => {
      // An epoch's unit is told by its digit count; a 13-digit value is never seconds.
      if (epoch && epochUnitByDigits(v.split('.')[0]!.length) !== format) return false;
      const parsed = parseTimestamp(v, format, ctx);
      return parsed !== null && parsed.ts >= PLAUSIBLE_FROM && parsed.ts < PLAUSIBLE_TO;
    });
    if (rate > 0) rates.push({ format, parseRate: rate });
  }
  return rates.sort((a, b) => b.parseRate - a.parseRate);
}

/** MM/DD and DD/MM parse the same values when no day is above 12: say so. */
function ambiguityOf(rates: readonly FormatRate[], chosen: TimestampFormatId): string | undefined {
  if (chosen !== 'mdy' && chosen !== 'dmy') return undefined;
  const other = rates.find((r) => r.format === (chosen === 'mdy' ? 'dmy' : 'mdy'));
  const mine = rates.find((r) => r.format === chosen)!;
  if (!other || other.parseRate < mine.parseRate) return undefined;
  return 'no sampled value has a day above 12, so MM/DD and DD/MM read them alike; MM/DD assumed — check the preview';
}

interface Candidate extends TimestampProposal {
  score: number;
}

function fullTimestampCandidate(col: ColumnValues): Candidate | null {
  if (col.values.length === 0) return null;
  const dateOnly = share(col.values, (v) => DATE_ONLY_RE.test(v));
  if (dateOnly >= MIN_RATE) return null; // a date column; see dateClockCandidate
  const rates = formatRates(col.values);
  const best = rates[0];
  const name = nameMatch(col.source, TIME_NAMES);
  if (!best || best.parseRate < (name > 0 ? 0.5 : MIN_RATE)) return null;
  // Epoch-looking integers are common in non-time columns (sizes, ids): trust them less
  // unless the name says time.
  const weight = EPOCH_FORMATS.includes(best.format) ? 0.55 : 0.75;
  const score = best.parseRate * weight + name * 0.3;
  const ambiguity = ambiguityOf(rates, best.format);
  return {
    columns: [col.source],
    format: best.format,
    parseRate: best.parseRate,
    confidence: Math.min(1, Math.round((score - (ambiguity ? 0.15 : 0)) * 100) / 100),
    candidates: rates,
    score,
    ...(ambiguity ? { ambiguity } : {}),
  };
}

function dateClockCandidate(date: ColumnValues, clock: ColumnValues | undefined): Candidate | null {
  if (share(date.values, (v) => DATE_ONLY_RE.test(v)) < MIN_RATE) return null;
  // Combined row by row; sampled values line up because both lists skip the same rows
  // only when both are empty, which the caller guarantees by sampling whole rows.
  const combined = clock ? date.values.map((d, i) => `${d} ${clock.values[i] ?? ''}`.trim()) : date.values;
  const rates = formatRates(combined);
  const best = rates[0];
  if (!best || best.parseRate < MIN_RATE) return null;
  const name = Math.max(nameMatch(date.source, DATE_NAMES), nameMatch(date.source, TIME_NAMES));
  // A date alone places events only to the day: a weak choice, taken when nothing better exists.
  const score = best.parseRate * (clock ? 0.75 : 0.4) + name * 0.25 + (clock ? nameMatch(clock.source, CLOCK_NAMES) * 0.1 : 0);
  const ambiguity = ambiguityOf(rates, best.format);
  return {
    columns: clock ? [date.source, clock.source] : [date.source],
    format: best.format,
    parseRate: best.parseRate,
    confidence: Math.min(1, Math.round((score - (ambiguity ? 0.15 : 0)) * 100) / 100),
    candidates: rates,
    score,
    ...(ambiguity ? { ambiguity } : {}),
  };
}

/**
 * The best timestamp reading of the sampled columns, or null when no column holds times.
 * `columns` hold values of the same sampled rows (empty strings where a row has none).
 */
export function detectTimestamp(columns: readonly { source: string; values: readonly string[] }[]): TimestampProposal | null {
  const nonEmpty = (values: readonly string[]): string[] => values.map((v) => v.trim()).filter((v) => v !== '');
  const cols: ColumnValues[] = columns.map((c) => ({ source: c.source, values: nonEmpty(c.values) }));
  const candidates: Candidate[] = [];
  for (const col of cols) {
    const full = fullTimestampCandidate(col);
    if (full) candidates.push(full);
  }
  const clocks = columns.filter((c) => {
    const v = nonEmpty(c.values);
    return v.length > 0 && share(v, (x) => CLOCK_RE.test(x)) >= MIN_RATE;
  });
  for (const c of columns) {
    if (nonEmpty(c.values).length === 0) continue;
    // Row-aligned values for the pair: the date's rows with the clock's value of the same row.
    const clock = clocks.find((k) => k.source !== c.source);
    const rows = c.values.map((v, i) => ({ d: v.trim(), k: clock?.values[i]?.trim() ?? '' })).filter((r) => r.d !== '');
    const date: ColumnValues = { source: c.source, values: rows.map((r) => r.d) };
    const pair = clock ? dateClockCandidate(date, { source: clock.source, values: rows.map((r) => r.k) }) : null;
    const alone = dateClockCandidate(date, undefined);
    for (const cand of [pair, alone]) if (cand) candidates.push(cand);
  }
  if (candidates.length === 0) return null;
  // Highest score; on a tie the left-most column (file order), as a person reading would.
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const proposal: TimestampProposal & { score?: number } = { ...best };
  delete proposal.score;
  return proposal;
}
