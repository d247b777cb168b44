// A file written as text in pieces, waiting for the disk when the stream's buffer is full so
// memory stays bounded however many rows pass through.
import { createWriteStream, type WriteStream } from 'node:fs';

export class TextSink {
  private readonly out: WriteStream;
  private failure: Error | null = null;

  constructor(file: string) {
    this.out = createWriteStream(file, { flags: 'wx', mode: 0o644 });
    this.out.on('error', (err) => (this.failure = err));
  }

  /** Returns a promise only when the caller must wait (backpressure). */
  write(text: string): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    if (this.out.write(text, 'utf8')) return undefined;
    return new Promise((resolve, reject) => {
      const onDrain = (): void => {
        this.out.off('error', onError);
        resolve();
      };
      const onError = (err: Error): void => {
        this.out.off('drain', onDrain);
        reject(err);
      };
      this.out.once('drain', onDrain);
      this.out.once('error', onError);
    });
  }

  /** Gives up on the file (the caller removes it). */
  abort(): void {
    this.out.destroy();
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
}
