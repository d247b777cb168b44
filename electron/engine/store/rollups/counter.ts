// Counts facet values and minutes of the events of one file as they are parsed (in the ingest
// worker, beside the flattening), so that storing the file's rollups afterwards costs a few
// thousand inserts instead of one GROUP BY per field over every row. Values are counted as
// event_row will hold them (the rules of BatchEncoder: '' and NaN are NULL, booleans 1/0).
import type { ParsedEvent } from '../../formats/types';
import { FACET_FIELDS, MAX_DISTINCT_IN_MEMORY, type FacetField } from './fields';

/** What a pass hands back: per field, values and counts; fields that overflowed; minutes. */
export interface RollupCounts {
  fields: { field: FacetField; values: (string | number)[]; counts: number[] }[];
  /** Fields with more distinct values than MAX_DISTINCT_IN_MEMORY: to be counted by SQL. */
  overflow: FacetField[];
  /** Minute number (ms / 60000) and count; null when there were too many minutes. */
  minutes: { keys: number[]; counts: number[] } | null;
  /** The same per minute and category (the histogram's stacks); null when too many. */
  minuteCategories: { keys: number[]; categories: string[]; counts: number[] } | null;
}

export class RollupCounter {
  private readonly maps: (Map<string | number, number> | null)[] = FACET_FIELDS.map(() => new Map());
  private minutes: Map<number, number> | null = new Map();
  private lastMinute = NaN;
  private lastMinuteCount = 0;
  /** Minute -> category -> events, counted in runs like the minutes. */
  private minuteCategories: Map<number, Map<string, number>> | null = new Map();
  private minuteCategoryRows = 0;
  private lastCategory = '';
  private lastCategoryCount = 0;

  /** maxDistinct: the in-memory bound per field (a parameter so that tests can reach it). */
  constructor(private readonly maxDistinct = MAX_DISTINCT_IN_MEMORY) {}

  /** `action` is the stored (normalized) action when it differs from the parser's. */
  add(e: ParsedEvent, action: unknown = e.action): void {
    const maps = this.maps;
    for (let i = 0; i < FACET_FIELDS.length; i++) {
      const m = maps[i];
      if (m === null) continue;
      const field = FACET_FIELDS[i]!;
      let v = field === 'action' ? action : (e[field] as unknown);
      if (v === undefined || v === null || v === '') continue;
      if (typeof v === 'number') {
        if (Number.isNaN(v)) continue;
      } else if (typeof v === 'boolean') v = v ? 1 : 0;
      else if (typeof v !== 'string') v = String(v);
      const key = v as string | number;
      const n = m.get(key);
      if (n !== undefined) m.set(key, n + 1);
      else if (m.size >= this.maxDistinct) maps[i] = null;
      else m.set(key, 1);
    }
    // Logs arrive in time order: runs of the same minute are counted without a lookup.
    const minute = Math.floor(Math.trunc(e.ts) / 60000);
    const category = String(e.category);
    if (minute === this.lastMinute) {
      this.lastMinuteCount++;
      if (category === this.lastCategory) this.lastCategoryCount++;
      else {
        this.flushCategory();
        this.lastCategory = category;
        this.lastCategoryCount = 1;
      }
    } else {
      this.flushMinute();
      this.flushCategory();
      this.lastMinute = minute;
      this.lastMinuteCount = 1;
      this.lastCategory = category;
      this.lastCategoryCount = 1;
    }
  }

  private flushCategory(): void {
    if (this.lastCategoryCount === 0 || this.minuteCategories === null) return;
    let byCategory = this.minuteCategories.get(this.lastMinute);
    if (!byCategory) this.minuteCategories.set(this.lastMinute, (byCategory = new Map()));
    const n = byCategory.get(this.lastCategory);
    if (n === undefined && ++this.minuteCategoryRows > this.maxDistinct) this.minuteCategories = null;
    else byCategory.set(this.lastCategory, (n ?? 0) + this.lastCategoryCount);
    this.lastCategoryCount = 0;
  }

  private flushMinute(): void {
    if (this.lastMinuteCount === 0 || this.minutes === null) return;
    const n = this.minutes.get(this.lastMinute);
    if (n === undefined && this.minutes.size >= this.maxDistinct) this.minutes = null;
    else this.minutes.set(this.lastMinute, (n ?? 0) + this.lastMinuteCount);
    this.lastMinuteCount = 0;
  }

  /** Plain arrays (they cross from the worker by structured clone). */
  result(): RollupCounts {
    this.flushMinute();
    this.flushCategory();
    const fields: RollupCounts['fields'] = [];
    const overflow: FacetField[] = [];
    FACET_FIELDS.forEach((field, i) => {
      const m = this.maps[i];
      if (m === null) overflow.push(field);
      else fields.push({ field, values: [...m.keys()], counts: [...m.values()] });
    });
    const minutes = this.minutes === null ? null : { keys: [...this.minutes.keys()], counts: [...this.minutes.values()] };
    let minuteCategories: RollupCounts['minuteCategories'] = null;
    if (this.minuteCategories !== null) {
      minuteCategories = { keys: [], categories: [], counts: [] };
      for (const [minute, byCategory] of this.minuteCategories) {
        for (const [category, n] of byCategory) {
          minuteCategories.keys.push(minute);
          minuteCategories.categories.push(category);
          minuteCategories.counts.push(n);
        }
      }
    }
    return { fields, overflow, minutes, minuteCategories };
  }
}
