// A time column whose name says its zone ("first_seen_utc", "time_utc", "timestamp (UTC)",
// Sysmon's "UtcTime") is read in that zone: the feed or export wrote UTC and said so, and the
// case's zone (Asia/Tokyo for most cases here) would shift every event by nine hours.

/** The words of a column name: split at non-letters and at camelCase boundaries. */
function words(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** True when the column's name states UTC (or GMT). */
export function nameSaysUtc(name: string): boolean {
  return words(name).some((w) => w === 'utc' || w === 'gmt');
}

/** "UTC" when every column making up the timestamp says UTC by name; undefined otherwise. */
export function zoneFromTimeColumns(columns: readonly string[]): 'UTC' | undefined {
  return columns.length > 0 && columns.every(nameSaysUtc) ? 'UTC' : undefined;
}
