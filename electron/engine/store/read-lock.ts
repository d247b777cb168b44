// One case file, one writer thread and reader threads of the same process (rpc/readers/): the
// readers open the file themselves and read what the last save holds. A save writes blocks in
// place (store/case-file.ts), so for that moment the readers must be out of the file: this
// lock, in memory the threads share, lets a reader in for one request at a time and makes a
// save wait until the readers inside have left (new ones wait for it). Each save also counts a
// generation, so a reader knows its SQLite connection holds pages of an older save and reopens.
//
// The writer waits with Atomics.wait, but not for a whole read: a reader sees the writer's flag
// between row steps (writerWaiting()), leaves and restarts its read on the new save, so the wait
// lasts about one row step; the save itself is the time a few blocks take to write.

const WRITER = 0;
const READERS = 1;
const GENERATION = 2;
/** How long one wait lasts before the state is looked at again (a lost wake-up costs no more). */
const POLL_MS = 50;

export class ReadLock {
  private readonly cells: Int32Array;

  /** A new lock, or the same lock in another thread from its `buffer`. */
  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT)) {
    this.cells = new Int32Array(buffer);
  }

  /** Saves so far: a reader whose connection is older reopens. */
  generation(): number {
    return Atomics.load(this.cells, GENERATION);
  }

  /**
   * True while a save waits for the readers inside to leave (or writes). A long read checks this
   * between rows and steps out (rpc/readers/step-guard.ts), so a save never waits for a read.
   */
  writerWaiting(): boolean {
    return Atomics.load(this.cells, WRITER) === 1;
  }

  /** A reader comes in (waits while a save writes in place). */
  enter(): void {
    const c = this.cells;
    for (;;) {
      while (Atomics.load(c, WRITER) === 1) Atomics.wait(c, WRITER, 1, POLL_MS);
      Atomics.add(c, READERS, 1);
      if (Atomics.load(c, WRITER) === 0) return;
      // A save began between the check and the count: step back out and wait for it.
      this.leave();
    }
  }

  leave(): void {
    Atomics.sub(this.cells, READERS, 1);
    Atomics.notify(this.cells, READERS);
  }

  /** The writer's in-place write: no reader inside while `fn` runs; then a new generation. */
  exclusive<T>(fn: () => T): T {
    const c = this.cells;
    Atomics.store(c, WRITER, 1);
    try {
      for (let n = Atomics.load(c, READERS); n !== 0; n = Atomics.load(c, READERS)) Atomics.wait(c, READERS, n, POLL_MS);
      const value = fn();
      Atomics.add(c, GENERATION, 1);
      return value;
    } finally {
      Atomics.store(c, WRITER, 0);
      Atomics.notify(c, WRITER);
    }
  }
}
