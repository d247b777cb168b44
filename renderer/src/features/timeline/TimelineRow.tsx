import { memo } from 'react';
import type { EventRow } from '../../contracts';
import { revealInvisibles } from '../../lib/reveal-invisibles';
import { cellField } from '../search/cell-field';
import { useSearchActions } from '../search/search-context';
import { TIMELINE_COLUMNS, type TimelineColumn } from './timeline-columns';

interface Props {
  row: EventRow;
  index: number;
  top: number;
  selected: boolean;
  onPick(index: number, row: EventRow): void;
}

// A cell shows a line's worth; the detail panel has the whole value. Capping keeps layout
// cheap when a field is a 30 kB encoded PowerShell command.
const CELL_CHARS = 400;
const TITLE_CHARS = 2000;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function cellTitle(column: TimelineColumn, row: EventRow, text: string): string | undefined {
  if (column.id === 'host' && row.host_resolved === 1) return 'resolved from IP';
  return text ? clip(text, TITLE_CHARS) : undefined;
}

/** One event as a grid row; every value is a text child, never markup. */
export const TimelineRow = memo(function TimelineRow({ row, index, top, selected, onPick }: Props) {
  const search = useSearchActions();
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'tl-row selected' : 'tl-row'}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="timeline-row"
      data-event-id={String(row.id)}
      onClick={() => onPick(index, row)}
    >
      {TIMELINE_COLUMNS.map((column) => {
        const text = revealInvisibles(column.text(row));
        const resolved = column.id === 'host' && row.host_resolved === 1;
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`tl-cell tl-col-${column.id}${resolved ? ' resolved' : ''}`}
            title={cellTitle(column, row, text)}
            onContextMenu={
              search
                ? (e) => {
                    e.preventDefault();
                    const cell = cellField(column.id, row);
                    search.openCellMenu(e.clientX, e.clientY, cell.field, cell.value);
                  }
                : undefined
            }
          >
            {clip(text, CELL_CHARS)}
          </div>
        );
      })}
    </div>
  );
});
