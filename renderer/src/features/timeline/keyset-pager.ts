// Holds the rows on screen as one contiguous run of the result, fetched by keyset: the page
// after its last row, before its first row, the first page, the last page, or the page at a
// time. Row numbers are known because every run starts at a known row (0, count - n, or the
// engine's count of rows before a time) and grows by whole pages from there. No React, no DOM:
// the hook (use-keyset-pager.ts) wires it to the engine, unit tests to a fake source.
import { errorMessage } from '../../client/engine-error';
import type { EventFilter, EventPage, EventRow, EventSort, PageAt, PageCursor } from '../../contracts';
import { filterKey } from './build-filter';

export interface KeysetSource {
  count(filter: EventFilter | undefined): Promise<number>;
  page(filter: EventFilter | undefined, sort: EventSort, at: PageAt, limit: number): Promise<EventPage>;
}

export interface KeysetOptions {
  pageSize: number;
  /** Rows kept at most; the end far from the screen is dropped past this. */
  maxRows: number;
  /** Rows beyond each end of the screen to have loaded before the analyst gets there. */
  prefetchRows: number;
}

export const DEFAULT_KEYSET_OPTIONS: KeysetOptions = { pageSize: 200, maxRows: 2000, prefetchRows: 100 };

interface Run {
  start: number;
  rows: EventRow[];
}

export class KeysetPager {
  private run: Run | null = null;
  private generation = 0;
  private busy = false;
  /** The run holds the result's last row. */
  private atEnd = false;
  private filter: EventFilter | undefined;
  private filterId: string | null = null;
  private sortKey = '';
  private currentSort: EventSort = { column: 'time' };
  private version = 0;
  private start = 0;
  private end = 0;
  private total: number | null = null;
  private lastError: string | null = null;
  private scrollTo: number | null = null;
  /** Times of the result's first and last rows in grid order, once fetched. */
  private bounds: { first?: string; last?: string } = {};

  constructor(
    private readonly source: KeysetSource,
    private readonly onChange: () => void,
    private readonly options: KeysetOptions = DEFAULT_KEYSET_OPTIONS,
  ) {}

  get count(): number | null {
    return this.total;
  }

  get error(): string | null {
    return this.lastError;
  }

  get sort(): EventSort {
    return this.currentSort;
  }

  /** A row the grid should scroll to (a jump landed elsewhere than asked); read once. */
  takeScrollRequest(): number | null {
    const target = this.scrollTo;
    this.scrollTo = null;
    return target;
  }

  /**
   * A new filter or sort starts from the first row; new data under the same query (version)
   * keeps the rows on screen until their replacements arrive.
   */
  setQuery(filter: EventFilter | undefined, version: number, sort: EventSort = this.currentSort): void {
    const filterId = filterKey(filter);
    const sortKey = `${sort.column}:${sort.descending ? 'd' : 'a'}`;
    const same = filterId === this.filterId && sortKey === this.sortKey;
    if (same && version === this.version) return;
    this.filterId = filterId;
    this.sortKey = sortKey;
    this.currentSort = sort;
    this.version = version;
    this.filter = filter;
    const generation = ++this.generation;
    this.busy = false;
    this.lastError = null;
    this.bounds = {};
    const keep = same ? this.run : null;
    this.run = null;
    if (!same) this.total = null;
    // A new query shown from its top: its first page is asked for with the count, not after
    // it (the engine answers them in threads of their own, so the screen waits for the slower).
    const early = !same && this.start < this.options.pageSize ? this.source.page(filter, sort, { kind: 'first' }, this.options.pageSize) : null;
    early?.catch(() => undefined);
    this.source.count(filter).then(
      (n) => {
        if (generation !== this.generation) return;
        this.total = n;
        // Refresh: reload where the analyst was, by the time of the first row shown.
        const first = keep?.rows[Math.max(0, this.start - keep.start)];
        if (keep && keep.start > 0 && first && sort.column === 'time') this.load({ kind: 'time', time: String(first.time) }, 'replace');
        else if (early && n > 0) this.load({ kind: 'first' }, 'replace', false, early);
        else this.ensure();
        this.onChange();
      },
      (error: unknown) => this.fail(generation, error),
    );
    this.onChange();
  }

  /** The rows [start, end) are on screen (overscan included). */
  setRange(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.ensure();
  }

  row(index: number): EventRow | undefined {
    const run = this.run;
    if (!run || index < run.start) return undefined;
    return run.rows[index - run.start];
  }

  /** Shows the first event at or after `time` (time sort). */
  jumpToTime(time: string): void {
    this.load({ kind: 'time', time }, 'replace', true);
  }

  private cursor(row: EventRow): PageCursor {
    return { value: row[this.currentSort.column] as string | number | null, id: Number(row.id) };
  }

  private ensure(): void {
    const total = this.total;
    if (this.busy || total === null || total === 0) return;
    const { pageSize, prefetchRows } = this.options;
    const s = Math.max(0, Math.min(this.start, total - 1));
    const e = Math.max(s + 1, Math.min(this.end, total));
    const run = this.run;
    if (!run) {
      const at: PageAt = s < pageSize ? { kind: 'first' } : e >= total - pageSize ? { kind: 'last' } : this.farJump(s);
      return this.load(at, 'replace', at.kind === 'time');
    }
    const runEnd = run.start + run.rows.length;
    if (s >= runEnd + pageSize || e <= run.start - pageSize) {
      if (s < pageSize) return this.load({ kind: 'first' }, 'replace');
      if (e >= total - pageSize) return this.load({ kind: 'last' }, 'replace');
      const at = this.farJump(s);
      return this.load(at, 'replace', at.kind === 'time');
    }
    const last = run.rows[run.rows.length - 1];
    const first = run.rows[0];
    if (last && !this.atEnd && e + prefetchRows > runEnd && runEnd < total) return this.load({ kind: 'after', cursor: this.cursor(last) }, 'append');
    if (first && run.start > 0 && s - prefetchRows < run.start) return this.load({ kind: 'before', cursor: this.cursor(first) }, 'prepend');
  }

  /**
   * A place far from the rows held: keyset cannot count its way there, so the scrollbar's
   * fraction becomes a time between the first and last event, and the grid then shows the
   * rows at that time (scrolled to their true row number). Other sorts go to the nearer end.
   */
  private farJump(index: number): PageAt {
    const total = this.total ?? 1;
    if (this.currentSort.column !== 'time') return index < total / 2 ? { kind: 'first' } : { kind: 'last' };
    // The first and last rows give the time span; fetch whichever is not known yet (it lands
    // off screen, and the jump is made again with both ends known).
    if (this.bounds.first === undefined) return { kind: 'first' };
    if (this.bounds.last === undefined) return { kind: 'last' };
    // In grid order either way: descending, first is the latest time.
    const from = Date.parse(this.bounds.first);
    const to = Date.parse(this.bounds.last);
    return { kind: 'time', time: new Date(from + (to - from) * (index / total)).toISOString() };
  }

  private load(at: PageAt, mode: 'replace' | 'append' | 'prepend', scroll = false, asked?: Promise<EventPage>): void {
    const generation = this.generation;
    this.busy = true;
    (asked ?? this.source.page(this.filter, this.currentSort, at, this.options.pageSize)).then(
      (page) => {
        if (generation !== this.generation) return;
        this.busy = false;
        this.place(page, at, mode, scroll);
        this.onChange();
        this.ensure();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.busy = false;
        this.fail(generation, error);
      },
    );
  }

  private place(page: EventPage, at: PageAt, mode: 'replace' | 'append' | 'prepend', scroll: boolean): void {
    const total = this.total ?? 0;
    const rows = page.rows;
    if (at.kind === 'first' && rows[0]) this.bounds.first = String(rows[0].time);
    if (at.kind === 'last' && rows.length) this.bounds.last = String(rows[rows.length - 1]!.time);
    const run = this.run;
    const short = rows.length < this.options.pageSize;
    if (mode === 'append' && run) {
      run.rows.push(...rows);
      // Fewer rows than asked: this is the end, whatever the count said (data changed).
      this.atEnd = short;
    } else if (mode === 'prepend' && run) {
      run.rows.unshift(...rows);
      run.start = short ? 0 : Math.max(0, run.start - rows.length);
    } else {
      const start = at.kind === 'last' ? Math.max(0, total - rows.length) : (page.startIndex ?? 0);
      this.run = { start, rows: [...rows] };
      this.atEnd = at.kind === 'last' || short;
      if (scroll || at.kind === 'time') this.scrollTo = start;
    }
    this.trim();
  }

  /** Keeps memory flat: drops rows from the end farther from the screen. */
  private trim(): void {
    const run = this.run;
    const { maxRows } = this.options;
    if (!run || run.rows.length <= maxRows) return;
    const excess = run.rows.length - maxRows;
    const middle = run.start + run.rows.length / 2;
    if ((this.start + this.end) / 2 >= middle) {
      run.rows.splice(0, excess);
      run.start += excess;
    } else run.rows.splice(run.rows.length - excess, excess);
  }

  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation) return;
    this.lastError = errorMessage(error);
    this.onChange();
  }
}
