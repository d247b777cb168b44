const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** 1536 -> "1.5 KiB", 734003200 -> "700 MiB". Binary units, as file managers and `ls -h` use. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  let digits = value < 10 ? 1 : 0;
  // 1023.97 KiB would print as "1024 KiB"; carry into the next unit instead.
  if (Number(value.toFixed(digits)) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
    digits = 1;
  }
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
