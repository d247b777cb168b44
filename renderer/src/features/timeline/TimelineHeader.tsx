import { useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent, type Ref } from 'react';
import { SORTABLE_COLUMNS, type EventSort, type SortColumn } from '../../contracts';
import { useT } from '../../i18n';
import { move, moveBefore, resize, visibleColumns, widthOf, type ColumnLayout } from './column-layout';
import './strings';

interface Props {
  ref: Ref<HTMLDivElement>;
  layout: ColumnLayout;
  onLayout(next: ColumnLayout): void;
  /** Left offsets of pinned columns. */
  pinned: Map<string, number>;
  /** The header of the time column says which zone the times are in. */
  zoneLabel: string;
  sort?: EventSort;
  onSort?(sort: EventSort): void;
}

const KEY_STEP_PX = 16;

/** The column the engine sorts by for a grid column (the destination column is dst_ip). */
function sortColumn(id: string): SortColumn | null {
  const column = id === 'dst' ? 'dst_ip' : id;
  return (SORTABLE_COLUMNS as readonly string[]).includes(column) ? (column as SortColumn) : null;
}

/**
 * Column headers: drag a header to move its column, drag its right edge to resize; with the
 * header focused, Alt+←/→ moves it and Shift+←/→ makes it narrower or wider.
 */
export function TimelineHeader({ ref, layout, onLayout, pinned, zoneLabel, sort, onSort }: Props) {
  const t = useT();
  const [dragging, setDragging] = useState<string | null>(null);
  const resizing = useRef<{ id: string; startX: number; startWidth: number } | null>(null);

  const onKeyDown = (id: string) => (event: KeyboardEvent<HTMLDivElement>) => {
    const by = sortColumn(id);
    if (event.key === 'Enter' && by && onSort) {
      event.preventDefault();
      onSort({ column: by, descending: sort?.column === by ? !sort?.descending : false });
      return;
    }
    const dir = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (!dir) return;
    if (event.altKey) onLayout(move(layout, id, dir));
    else if (event.shiftKey) onLayout(resize(layout, id, widthOf(layout, id) + dir * KEY_STEP_PX));
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const startResize = (id: string) => (event: PointerEvent<HTMLSpanElement>) => {
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    resizing.current = { id, startX: event.clientX, startWidth: widthOf(layout, id) };
  };
  const onResizeMove = (event: PointerEvent<HTMLSpanElement>) => {
    const r = resizing.current;
    if (r) onLayout(resize(layout, r.id, r.startWidth + event.clientX - r.startX));
  };
  const endResize = () => {
    resizing.current = null;
  };

  const onDrop = (before: string) => (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const id = event.dataTransfer.getData('application/x-tracelight-column') || dragging;
    if (id) onLayout(moveBefore(layout, id, before));
    setDragging(null);
  };

  return (
    <div className="tl-header" role="row" aria-rowindex={1} ref={ref} data-testid="timeline-header">
      <div className="tl-stripe" role="presentation" />
      {visibleColumns(layout).map((column) => {
        const left = pinned.get(column.id);
        const label = t(`timeline.col.${column.id}`);
        const by = sortColumn(column.id);
        const active = by !== null && sort?.column === by;
        const ariaSort = active ? (sort?.descending ? 'descending' : 'ascending') : undefined;
        const text = (
          <>
            {label}
            {column.id === 'time' && <span className="tl-zone"> ({zoneLabel})</span>}
            {active && <span aria-hidden="true">{sort?.descending ? ' ▼' : ' ▲'}</span>}
          </>
        );
        return (
          <div
            key={column.id}
            role="columnheader"
            aria-sort={ariaSort}
            tabIndex={0}
            className={`tl-cell tl-col-${column.id}${left !== undefined ? ' pinned' : ''}${dragging === column.id ? ' dragging' : ''}`}
            style={left !== undefined ? { left } : undefined}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData('application/x-tracelight-column', column.id);
              e.dataTransfer.effectAllowed = 'move';
              setDragging(column.id);
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => {
              if (dragging) e.preventDefault();
            }}
            onDrop={onDrop(column.id)}
            onKeyDown={onKeyDown(column.id)}
            title={label}
            data-testid="timeline-column"
            data-column={column.id}
          >
            {/* The label sorts on click (a span, not a button, so the header can still be dragged); Enter sorts from the keyboard. */}
            <span
              className={`tl-header-label${by && onSort ? ' tl-sort' : ''}`}
              data-testid={by && onSort ? `sort-${column.id}` : undefined}
              onClick={by && onSort ? () => onSort({ column: by, descending: active ? !sort?.descending : false }) : undefined}
            >
              {text}
            </span>
            <span
              className="tl-resize"
              role="separator"
              aria-orientation="vertical"
              aria-label={t('timeline.resize', { column: label })}
              onPointerDown={startResize(column.id)}
              onPointerMove={onResizeMove}
              onPointerUp={endResize}
              onPointerCancel={endResize}
              onClick={(e) => e.stopPropagation()}
              data-testid="timeline-column-resize"
            />
          </div>
        );
      })}
    </div>
  );
}
