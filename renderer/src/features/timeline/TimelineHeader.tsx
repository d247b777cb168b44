import type { Ref } from 'react';
import { SORTABLE_COLUMNS, type EventSort, type SortColumn } from '../../contracts';
import { TIMELINE_COLUMNS } from './timeline-columns';

interface Props {
  ref: Ref<HTMLDivElement>;
  sort?: EventSort;
  onSort?(sort: EventSort): void;
}

/** The column id the engine sorts by for a grid column (the destination column is dst_ip). */
function sortColumn(id: string): SortColumn | null {
  const column = id === 'dst' ? 'dst_ip' : id;
  return (SORTABLE_COLUMNS as readonly string[]).includes(column) ? (column as SortColumn) : null;
}

export function TimelineHeader({ ref, sort, onSort }: Props) {
  return (
    <div className="tl-header" role="row" aria-rowindex={1} ref={ref}>
      {TIMELINE_COLUMNS.map((column) => {
        const by = sortColumn(column.id);
        const active = by !== null && sort?.column === by;
        const ariaSort = active ? (sort?.descending ? 'descending' : 'ascending') : undefined;
        return (
          <div key={column.id} role="columnheader" aria-sort={ariaSort} className={`tl-cell tl-col-${column.id}`}>
            {by && onSort ? (
              <button
                type="button"
                className="tl-sort"
                data-testid={`sort-${column.id}`}
                onClick={() => onSort({ column: by, descending: active ? !sort?.descending : false })}
              >
                {column.label}
                {active && <span aria-hidden="true">{sort?.descending ? ' ▼' : ' ▲'}</span>}
              </button>
            ) : (
              column.label
            )}
          </div>
        );
      })}
    </div>
  );
}
