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

/**
 * One field's counts: a slot per distinct value (one Map lookup when the value changes from the
 * previous event's, none while it repeats: logs come in runs of the same host, action, client).
 * Profiling the Defender ingest put the counter's 8 Map lookups per row (a get and a set each)
 * at ~10% of the parse worker, the critical path.
 */
class FieldTally {
  readonly slots = new Map<string | number, number>();
  readonly counts: number[] = [];
  private lastKey: string | number | undefined = undefined;
  private lastSlot = -1;

  /** False when the value would pass the bound (the field then stops being counted). */
  add(key: string | number, maxDistinct: number): boolean {
    if (key === this.lastKey) {
      this.counts[this.lastSlot]!++;
      return true;
    }
    let slot = this.slots.get(key);
    if (slot === undefined) {
      if (this.slots.size >= maxDistinct) return false;
      slot = this.counts.length;
      this.slots.set(key, slot);
      this.counts.push(1);
    } else this.counts[slot]!++;
    this.lastKey = key;
    this.lastSlot = slot;
    return true;
  }
}

/** The value as event_row stores it, or undefined when the cell is NULL (BatchEncoder's rules). */
function keyOf(v: unknown): string | number | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v);
}

/** The order add() reads the fields in: a change to FACET_FIELDS must change add() too. */
const ADD_ORDER = 'host,user,category,action,src_ip,dst_ip,dst_port,domain';
if (FACET_FIELDS.join(',') !== ADD_ORDER) throw new Error('RollupCounter.add reads the facet fields in an order FACET_FIELDS no longer has');

export class RollupCounter {
  /** Per FACET_FIELDS entry, in its order; null once the field passed the in-memory bound. */
  private readonly tallies: (FieldTally | null)[] = FACET_FIELDS.map(() => new FieldTally());
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
    // The fields by name, in FACET_FIELDS order (a keyed read e[field] per field cost more).
    this.count(0, e.host);
    this.count(1, e.user);
    this.count(2, e.category);
    this.count(3, action);
    this.count(4, e.src_ip);
    this.count(5, e.dst_ip);
    this.count(6, e.dst_port);
    this.count(7, e.domain);
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

  private count(i: number, v: unknown): void {
    const tally = this.tallies[i];
    if (tally === null || tally === undefined) return;
    const key = keyOf(v);
    if (key !== undefined && !tally.add(key, this.maxDistinct)) this.tallies[i] = null;
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
      const t = this.tallies[i];
      if (!t) overflow.push(field);
      else fields.push({ field, values: [...t.slots.keys()], counts: [...t.slots.values()].map((slot) => t.counts[slot]!) });
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
