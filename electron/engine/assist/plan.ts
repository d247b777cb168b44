// What a question was read as: one intent over the events that pass every filter.
import type { DimField } from './lexicon';
import type { TimeRange } from './time-expr';

export type PlanIntent =
  | 'rows' // the events themselves
  | 'count' // how many events
  | 'count_distinct' // how many hosts / users / ...
  | 'group' // events per value of dim
  | 'distinct' // which values of dim (with counts and first/last seen)
  | 'top'
  | 'bottom'
  | 'first' // rows or values of dim, earliest first
  | 'last'
  | 'when'; // first and last time, and how many

export type FilterField = DimField | 'file_name' | 'src_port' | 'text' | 'url_part' | 'method';

export interface Filter {
  /** One or more columns; a value matches when any of them matches (an address as source or destination). */
  fields: FilterField[];
  op: 'eq' | 'ne' | 'like' | 'range' | 'nonnull';
  values: (string | number)[];
  /** For 'range': inclusive min, inclusive max. */
  min?: number;
  max?: number;
}

export interface Plan {
  intent: PlanIntent;
  dim: DimField | null;
  limit: number | null;
  filters: Filter[];
  time: TimeRange | null;
}
