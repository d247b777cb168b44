// Fetches the timeline a page at a time for whatever rows are on screen. No React and no DOM:
// the hook (use-timeline-pager.ts) wires it to the engine, unit tests to a fake source.
import { errorMessage } from '../../client/engine-error';
import type { EventFilter, EventRow } from '../../contracts';
import { PageCache } from './page-cache';
import { pagesForRange } from './virtual-window';
import { filterKey } from './build-filter';

export interface PagerSource {
  count(filter: EventFilter | undefined): Promise<number>;
  page(filter: EventFilter | undefined, offset: number, limit: number): Promise<EventRow[]>;
}

export interface PagerOptions {
  pageSize: number;
  /** Pages kept in memory (LRU); must exceed the pages one screen spans. */
  cachePages: number;
  /** Page requests outstanding at once; more would queue stale work in the engine. */
  maxInFlight: number;
  /** Scroll events within this window coalesce into one round of fetching. */
  delayMs: number;
  /** Rows beyond each end of the visible range to fetch after it, so scrolling on finds them. */
  prefetchRows: number;
}

export const DEFAULT_PAGER_OPTIONS: PagerOptions = {
  pageSize: 200,
  cachePages: 24,
  maxInFlight: 3,
  delayMs: 30,
  prefetchRows: 100,
};

interface CachedPage {
  generation: number;
  rows: EventRow[];
}

export class TimelinePager {
  private readonly cache: PageCache<CachedPage>;
  private readonly inFlight = new Set<number>();
  private generation = 0;
  private filter: EventFilter | undefined = undefined;
  private filterId: string | null = null;
  private version = 0;
  private start = 0;
  private end = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private total: number | null = null;
  private lastError: string | null = null;
  private readonly source: PagerSource;
  private readonly onChange: () => void;
  private readonly options: PagerOptions;

  constructor(source: PagerSource, onChange: () => void, options: PagerOptions = DEFAULT_PAGER_OPTIONS) {
    this.source = source;
    this.onChange = onChange;
    this.options = options;
    this.cache = new PageCache(options.cachePages);
  }

  /** Rows matching the filter, or null until the engine has counted them. */
  get count(): number | null {
    return this.total;
  }

  get error(): string | null {
    return this.lastError;
  }

  /**
   * A new filter, or new data under the same filter (version). Pages fetched under the
   * same filter stay on screen until their replacements arrive, so a refresh does not flash.
   */
  setQuery(filter: EventFilter | undefined, version: number): void {
    const filterId = filterKey(filter);
    const sameFilter = filterId === this.filterId;
    if (sameFilter && version === this.version) return;
    this.filterId = filterId;
    this.version = version;
    this.filter = filter;
    const generation = ++this.generation;
    this.inFlight.clear();
    this.lastError = null;
    if (!sameFilter) {
      this.cache.clear();
      this.total = null;
    }
    this.source.count(filter).then(
      (n) => {
        if (generation !== this.generation) return;
        this.total = n;
        this.onChange();
        this.schedule();
      },
      (error: unknown) => this.fail(generation, error),
    );
    this.onChange();
    this.schedule();
  }

  /** The rows [start, end) are on screen (overscan included). */
  setRange(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.schedule();
  }

  /** The row at `index` if its page is loaded (possibly from before the last refresh). */
  row(index: number): EventRow | undefined {
    const { pageSize } = this.options;
    return this.cache.get(Math.floor(index / pageSize))?.rows[index % pageSize];
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fetchMissing();
    }, this.options.delayMs);
  }

  private fetchMissing(): void {
    const { pageSize, maxInFlight, prefetchRows } = this.options;
    const limit = this.total ?? this.end;
    const visible = pagesForRange(this.start, Math.min(this.end, limit), pageSize);
    const around = pagesForRange(
      Math.max(0, this.start - prefetchRows),
      Math.min(this.end + prefetchRows, limit),
      pageSize,
    );
    // What is on screen first; then the neighbours.
    const wanted = [...visible, ...around.filter((p) => !visible.includes(p))];
    for (const page of wanted) {
      if (this.inFlight.size >= maxInFlight) return;
      if (this.inFlight.has(page) || this.cache.peek(page)?.generation === this.generation) continue;
      this.fetchPage(page);
    }
  }

  private fetchPage(page: number): void {
    const { pageSize } = this.options;
    const generation = this.generation;
    this.inFlight.add(page);
    this.source.page(this.filter, page * pageSize, pageSize).then(
      (rows) => {
        if (generation !== this.generation) return;
        this.inFlight.delete(page);
        this.cache.set(page, { generation, rows });
        this.onChange();
        // The analyst may have scrolled on while this page was on its way.
        this.fetchMissing();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.inFlight.delete(page);
        this.fail(generation, error);
      },
    );
  }

  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation) return;
    this.lastError = errorMessage(error);
    this.onChange();
  }
}
