import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { EventRow, EventSort } from '../../contracts';
import { TIMELINE_GRID, TIMELINE_MIN_WIDTH } from './timeline-columns';
import { TimelineHeader } from './TimelineHeader';
import type { KeysetPager } from './keyset-pager';
import { TimelinePlaceholderRow } from './TimelinePlaceholderRow';
import { TimelineRow } from './TimelineRow';
import { useViewportHeight } from './use-viewport-height';
import { computeWindow, rowTop, scrollTopForRow, type WindowInput } from './virtual-window';

const ROW_HEIGHT = 24;
const OVERSCAN = 15;
// Rows are keyed by index modulo this, so a long jump reuses the same DOM nodes (new text)
// instead of unmounting and mounting every row. Must exceed the rows ever rendered at once.
const KEY_SLOTS = 1024;

interface Props {
  pager: KeysetPager;
  selectedId: number | null;
  onSelect(id: number): void;
  sort?: EventSort;
  onSort?(sort: EventSort): void;
}

/** Keys that move the selection, as a step in rows (page keys use the visible row count). */
function keyStep(key: string, rowsPerPage: number): number | null {
  switch (key) {
    case 'ArrowDown': return 1;
    case 'ArrowUp': return -1;
    case 'PageDown': return rowsPerPage;
    case 'PageUp': return -rowsPerPage;
    case 'Home': return -Infinity;
    case 'End': return Infinity;
    default: return null;
  }
}

/**
 * The virtualized event grid: a body as tall as all rows, with only the rows in view (plus
 * overscan) in the DOM, each translated to its place.
 */
export function TimelineGrid({ pager, selectedId, onSelect, sort, onSort }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const viewportHeight = useViewportHeight(scroller, header);
  const [scrollTop, setScrollTop] = useState(0);
  // Where keyboard navigation continues from, and a row chosen by keyboard whose page is
  // still loading (its id, and so the detail panel, follows when it arrives).
  const [anchor, setAnchor] = useState<number | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  const count = pager.count ?? 0;
  const input: WindowInput = { scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, count, overscan: OVERSCAN };
  const view = computeWindow(input);

  useEffect(() => pager.setRange(view.start, view.end), [pager, view.start, view.end]);

  // A keyset jump (a time, a far scrollbar drag) can land on another row than the one asked
  // for: bring the row it landed on into view.
  const scrollRequest = pager.takeScrollRequest();
  useEffect(() => {
    const element = scroller.current;
    if (scrollRequest === null || !element) return;
    // From past the end, the smallest move that shows the row puts it at the top.
    const target = scrollTopForRow(scrollRequest, { ...input, scrollTop: Number.MAX_SAFE_INTEGER });
    element.scrollTop = target;
    setScrollTop(element.scrollTop);
  }, [scrollRequest]);

  const pendingRow = pending === null ? undefined : pager.row(pending);
  useEffect(() => {
    if (pendingRow === undefined) return;
    setPending(null);
    onSelect(Number(pendingRow.id));
  }, [pendingRow, onSelect]);

  const pick = useCallback(
    (index: number, row: EventRow) => {
      setAnchor(index);
      setPending(null);
      onSelect(Number(row.id));
    },
    [onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = keyStep(event.key, Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1));
    if (step === null || count === 0) return;
    event.preventDefault();
    const from = anchor ?? (step > 0 ? -1 : count);
    const next = Math.max(0, Math.min(count - 1, from + step));
    setAnchor(next);
    setPending(next);
    const element = scroller.current;
    if (element) {
      const target = scrollTopForRow(next, { ...input, scrollTop: element.scrollTop });
      if (target !== element.scrollTop) element.scrollTop = target;
    }
  };

  const rows = [];
  for (let index = view.start; index < view.end; index++) {
    const top = rowTop(index, scrollTop, view, ROW_HEIGHT);
    const row = pager.row(index);
    rows.push(
      row ? (
        <TimelineRow
          key={index % KEY_SLOTS}
          row={row}
          index={index}
          top={top}
          selected={Number(row.id) === selectedId}
          onPick={pick}
        />
      ) : (
        <TimelinePlaceholderRow key={index % KEY_SLOTS} index={index} top={top} />
      ),
    );
  }

  const style = { '--tl-grid': TIMELINE_GRID, '--tl-min-width': `${TIMELINE_MIN_WIDTH}px` } as CSSProperties;
  return (
    <div
      ref={scroller}
      className="tl-scroll"
      style={style}
      role="grid"
      aria-label="Timeline"
      aria-rowcount={count + 1}
      tabIndex={0}
      data-testid="timeline"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <TimelineHeader ref={header} sort={sort} onSort={onSort} />
      <div className="tl-body" style={{ height: view.height }}>
        {rows}
      </div>
      {pager.count === 0 && <div className="tl-empty">No events.</div>}
    </div>
  );
}
