// Writing results to stdout without buffering a large result whole.

/** Writes and waits when the pipe is full, so a huge query result streams. */
export async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  }
}

export function warn(text: string): void {
  process.stderr.write(`tracelight: ${text}\n`);
}

// Moved to the engine so the timeline CSV export shares it; the CLI keeps its import path.
export { csvCell } from '../engine/export/csv-cell';
