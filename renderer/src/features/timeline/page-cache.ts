/**
 * A small least-recently-used map from page number to page. Keeps memory flat however far
 * the analyst scrolls; a Map iterates in insertion order, so re-inserting on use is the LRU.
 */
export class PageCache<T> {
  private readonly pages = new Map<number, T>();
  private readonly capacity: number;

  constructor(capacity: number) {
    if (capacity < 1) throw new RangeError('capacity must be at least 1');
    this.capacity = capacity;
  }

  get(page: number): T | undefined {
    const value = this.pages.get(page);
    if (value !== undefined) {
      this.pages.delete(page);
      this.pages.set(page, value);
    }
    return value;
  }

  /** Reads without counting as a use. */
  peek(page: number): T | undefined {
    return this.pages.get(page);
  }

  set(page: number, value: T): void {
    this.pages.delete(page);
    this.pages.set(page, value);
    while (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
  }

  clear(): void {
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }

  /** Page numbers, least recently used first. */
  keys(): number[] {
    return [...this.pages.keys()];
  }
}
