import { memo } from 'react';
import type { EventRow } from '../../contracts';
import { useT } from '../../i18n';
import { formatInZone, offsetInZone } from '../../lib/display-zone';
import { revealInvisibles } from '../../lib/reveal-invisibles';
import { cellField } from '../search/cell-field';
import { useSearchActions } from '../search/search-context';
import type { TimelineColumn } from './timeline-columns';
import './strings';

interface Props {
  row: EventRow;
  index: number;
  top: number;
  selected: boolean;
  columns: readonly TimelineColumn[];
  pinned: Map<string, number>;
  /** The zone times are shown in. */
  zone: string;
  onPick(index: number, row: EventRow): void;
  onOpenValue(column: TimelineColumn, row: EventRow): void;
}

// A cell shows a line's worth; the popup has the whole value. Capping keeps layout cheap when
// a field is a 30 kB encoded PowerShell command.
const CELL_CHARS = 400;
const TITLE_CHARS = 2000;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The cell's text: in UTC the stored time exactly (ISO, "Z"); in another zone its wall-clock
 * time there (the header names the zone, the tooltip adds the offset); everything else as the
 * evidence wrote it, invisible characters made visible.
 */
export function cellText(column: TimelineColumn, row: EventRow, zone: string): string {
  const raw = column.text(row);
  if (column.id === 'time' && raw && zone !== 'UTC') return formatInZone(raw, zone);
  return revealInvisibles(raw);
}

function cellTitle(column: TimelineColumn, row: EventRow, zone: string, text: string): string | undefined {
  if (!text) return undefined;
  if (column.id === 'time' && zone !== 'UTC') return `${text} ${offsetInZone(String(row.time), zone)} (${zone}) = ${String(row.time)}`;
  return clip(text, TITLE_CHARS);
}

/** One event as a grid row; every value is a text child, never markup. */
export const TimelineRow = memo(function TimelineRow({ row, index, top, selected, columns, pinned, zone, onPick, onOpenValue }: Props) {
  const t = useT();
  const category = String(row.category ?? 'other');
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
      data-category={category}
      onClick={() => onPick(index, row)}
    >
      <div className="tl-stripe" style={{ background: `var(--cat-${category}, var(--cat-other))` }} aria-hidden />
      {columns.map((column) => {
        const text = cellText(column, row, zone);
        const resolved = column.id === 'host' && row.host_resolved === 1;
        const left = pinned.get(column.id);
        return (
          <div
            key={column.id}
            role="gridcell"
            className={`tl-cell tl-col-${column.id}${column.mono ? ' mono-cell' : ''}${resolved ? ' resolved' : ''}${left !== undefined ? ' pinned' : ''}`}
            style={left !== undefined ? { left } : undefined}
            title={resolved ? t('timeline.resolved') : cellTitle(column, row, zone, text)}
            data-column={column.id}
            onDoubleClick={() => text && onOpenValue(column, row)}
            onContextMenu={
              search
                ? (e) => {
                    e.preventDefault();
                    const cell = cellField(column.id, row);
                    search.openCellMenu(e.clientX, e.clientY, cell.field, cell.value, Number(row.id));
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
