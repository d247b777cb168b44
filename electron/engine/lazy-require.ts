// Heavy packages loaded on first use, not when the CLI starts. esbuild hoists every static
// import of an external package to the top of the bundle, so pdfkit (~0.45 s), exceljs
// (~0.85 s), yaml and ws would be loaded by every `tracelight` command — `ingest` and `query`
// included, whose start-up time the benchmarks count. Types still come from `import type`.
import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

/** A getter that requires the CommonJS package `name` once, when first called. */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireFromHere(name) as T);
}
