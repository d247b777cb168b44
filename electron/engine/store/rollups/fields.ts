// What the rollups count (migration 012): the facet fields of the workspace and two time buckets.

/** event_row columns counted per value, per evidence file. */
export const FACET_FIELDS = ['host', 'user', 'category', 'action', 'src_ip', 'dst_ip', 'dst_port', 'domain'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];
/** Facets a caller may ask for: the fields above and tag labels (counted on tag changes). */
export type RollupField = FacetField | 'tag';
export const ROLLUP_FIELDS: readonly RollupField[] = [...FACET_FIELDS, 'tag'];

export type TimeBucket = 'minute' | 'hour';
/** Characters of the ISO UTC time that name the bucket: 2026-10-05T00:12 / 2026-10-05T00. */
export const BUCKET_PREFIX: Record<TimeBucket, number> = { minute: 16, hour: 13 };

/**
 * Distinct values one file may add to one field before the ingest stops counting it in memory
 * (a log where every line has a new client address): the field is then not rolled up for that
 * file (rollup_gap) and its facet scans the events. Counting it by SQL instead cost 6 s of a
 * 28 s ingest of a 1M-event mixed case (a GROUP BY and 350k one-count rows per such field), and
 * a rollup with a row per event answers no faster than the scan.
 */
export const MAX_DISTINCT_IN_MEMORY = 200_000;

export function isRollupField(f: string): f is RollupField {
  return (ROLLUP_FIELDS as readonly string[]).includes(f);
}
