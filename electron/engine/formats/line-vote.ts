// The sniff policy shared by line-oriented formats: per-line checks, combined into one
// confidence.

/**
 * 0 unless the first line fits (the cheap fail-fast check most files are refused by)
 * and at least half of the lines do; `full` when all fit, a bit less otherwise. Real
 * logs carry the odd cut-off or corrupted record, and one of those in the first 40
 * lines must not make a whole file unrecognisable; a file where most lines do not fit
 * is another format.
 */
export function lineVote(lines: readonly string[], fits: (line: string) => boolean, full = 0.95): number {
  if (lines.length === 0 || !fits(lines[0]!)) return 0;
  const allowedMisses = Math.floor(lines.length / 2);
  let misses = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!fits(lines[i]!) && ++misses > allowedMisses) return 0;
  }
  if (misses === 0) return full;
  const fraction = (lines.length - misses) / lines.length;
  return full * (0.6 + 0.4 * fraction);
}
