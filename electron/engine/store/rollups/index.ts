// Rollups: counts per facet value and per minute/hour kept at ingest (migration 012).
export { facetCounts, facetSource, histogram, type FacetCount, type HistogramBin } from './read';
export { FACET_FIELDS, ROLLUP_FIELDS, type FacetField, type RollupField, type TimeBucket } from './fields';
export { RollupCounter, type RollupCounts } from './counter';
export { dropRollups, refreshField, refreshTagsOfEvent, refreshTime, writeIngestRollups } from './write';
