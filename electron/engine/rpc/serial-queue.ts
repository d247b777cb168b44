// Runs async jobs one after another: sql.js has one connection, and an ingest holds a
// transaction open across awaits, so two writers must never interleave.
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
