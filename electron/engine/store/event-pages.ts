// Keyset pages of the timeline: the grid asks for the rows after (or before) a row it holds,
// never for "rows 600,000 to 600,200", so a page deep in a million events costs what the
// first one does (one index seek), where LIMIT/OFFSET stepped over every row before it.
import type { SqlValue } from 'sql.js';
import type { EventFilter } from '../../common/protocol';
import type { EventRow } from '../../common/schema';
import { SORTABLE_COLUMNS, type EventPage, type EventPageRequest, type EventSort, type PageCursor } from '../../common/workspace';
import type { CaseStore } from './case-store';
import { whereClause } from './query';
import { timeInterval } from './query/time-bounds';
import { searchOptions } from './fts/fts-state';
import { QueryError } from './query/errors';
import { walkTimeIndex, withoutFtsDriving } from './fts/fts-plan';

const MAX_PAGE = 1000;
/** Columns that are never NULL: keyset comparisons are plain row values there. */
const NOT_NULL = new Set(['time', 'category']);
const NUMERIC = new Set(['dst_port']);

interface Order {
  column: string;
  /** The sort key as SQL, text keys case-insensitive (the facet indexes are NOCASE). */
  key: string;
  descending: boolean;
}

function order(sort: EventSort | undefined): Order {
  const column = sort?.column ?? 'time';
  if (!(SORTABLE_COLUMNS as readonly string[]).includes(column)) throw new QueryError(`cannot sort by "${column}"`, 0);
  const key = column === 'time' || NUMERIC.has(column) ? column : `${column} COLLATE NOCASE`;
  return { column, key, descending: sort?.descending === true };
}

/**
 * Rows strictly after `c` in ascending (key, id) order, NULL keys first (SQLite's order).
 * For "before", the same with every comparison turned round.
 */
function beyond(o: Order, c: PageCursor, forward: boolean, params: SqlValue[]): string {
  const gt = forward ? '>' : '<';
  if (NOT_NULL.has(o.column)) {
    params.push(c.value, c.id);
    return `(${o.key}, id) ${gt} (?, ?)`;
  }
  if (c.value === null) {
    params.push(c.id);
    return forward ? `((${o.column} IS NULL AND id > ?) OR ${o.column} IS NOT NULL)` : `(${o.column} IS NULL AND id < ?)`;
  }
  params.push(c.value, c.value, c.id);
  const past = `(${o.key} ${gt} ? OR (${o.key} = ? AND id ${gt} ?))`;
  return forward ? past : `(${o.column} IS NULL OR ${past})`;
}

export function keysetPage(store: CaseStore, req: EventPageRequest): EventPage {
  const limit = Math.max(1, Math.min(Math.floor(Number(req.limit)) || 1, MAX_PAGE));
  const o = order(req.sort);
  const where = whereClause(req.filter, searchOptions(store));
  const params: SqlValue[] = [...where.params];
  const condition = where.sql.slice('WHERE '.length);
  // A common word pages along the time index; the jump to a time counts rows before it and
  // keeps SQLite's own plan.
  const walk = o.column === 'time' && req.at.kind !== 'time' && walkTimeIndex(store, where, limit);
  const conditions: string[] = condition ? [walk ? withoutFtsDriving(condition) : condition] : [];
  // Ascending in the page's own direction: true walks the sort order forwards.
  let forward = !o.descending;
  let startIndex: number | null = null;
  const at = req.at;
  switch (at.kind) {
    case 'first':
      startIndex = 0;
      break;
    case 'last':
      forward = !forward;
      break;
    case 'after':
      conditions.push(beyond(o, at.cursor, !o.descending, params));
      break;
    case 'before':
      conditions.push(beyond(o, at.cursor, o.descending, params));
      forward = !forward;
      break;
    case 'time': {
      if (o.column !== 'time') throw new QueryError('jumping to a time needs the time sort', 0);
      const i = timeInterval(at.time);
      if (!i) throw new QueryError(`not a time: "${at.time}"`, 0);
      // Just before the instant's first row in sort order (ids are positive).
      const cursor = { value: i.start, id: o.descending ? Number.MAX_SAFE_INTEGER : -1 };
      // The rows before it, counted along the (time, id) index: the jump's row number.
      const before: SqlValue[] = [...where.params];
      const edge = beyond(o, cursor, o.descending, before);
      startIndex = Number(store.scalar(`SELECT count(*) FROM event_row WHERE ${[...conditions, edge].join(' AND ')}`, before));
      conditions.push(beyond(o, cursor, !o.descending, params));
      break;
    }
  }
  const dir = forward ? 'ASC' : 'DESC';
  const sql = `SELECT * FROM events ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${o.key} ${dir}, id ${dir} LIMIT ?`;
  params.push(limit);
  const rows = store.all<EventRow>(sql, params);
  // Pages come back in the grid's order whichever way they were read.
  if (forward === o.descending) rows.reverse();
  return { rows, startIndex };
}

/** The first `limit` events in time order (tests, the CLI's samples). */
export function firstEvents(store: CaseStore, filter: EventFilter | undefined, limit: number): EventRow[] {
  return keysetPage(store, { filter, at: { kind: 'first' }, limit }).rows;
}
