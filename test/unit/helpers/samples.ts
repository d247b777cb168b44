// Paths to the shared real-log samples (/work/shared/samples beside the repo), and
// their lines as a parser sees them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SniffSample } from '../../../electron/engine/formats/types';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/unit/helpers/samples.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// TRACELIGHT_SAMPLES points elsewhere when the repository is a worktree not beside shared/.
export const samplesRoot = process.env.TRACELIGHT_SAMPLES ?? path.resolve(repoRoot, '../shared/samples');

export function samplePath(...parts: string[]): string {
  return path.join(samplesRoot, ...parts);
}

/**
 * The physical lines of a sample (UTF-8, CR stripped), without the empty string
 * after a final newline; line i of the array is line i + 1 of the file.
 */
export function readSampleLines(...parts: string[]): string[] {
  const lines = readFileSync(samplePath(...parts), 'utf8').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The first non-empty lines, as sniff() receives them. */
export function sniffLines(lines: readonly string[], max = 40): string[] {
  return lines.filter((l) => l.trim() !== '').slice(0, max);
}

/** A SniffSample as the pipeline builds it from a text file with these lines. */
export function textSample(fileName: string, lines: readonly string[]): SniffSample {
  return { fileName, head: Buffer.from(lines.join('\n')), lines: sniffLines(lines) };
}
