import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { EventRow, EventSort } from '../../contracts';
import { useT } from '../../i18n';
import { gridTemplate, minimumWidth, pinnedOffsets, visibleColumns, type ColumnLayout } from './column-layout';
import { gridKeyAction } from './grid-keys';
import { TimelineHeader } from './TimelineHeader';
import type { KeysetPager } from './keyset-pager';
import type { TimelineColumn } from './timeline-columns';
import { TimelinePlaceholderRow } from './TimelinePlaceholderRow';
import { TimelineRow } from './TimelineRow';
import { useViewportHeight } from './use-viewport-height';
import { computeWindow, rowTop, scrollTopForRow, type WindowInput } from './virtual-window';
import './strings';

const ROW_HEIGHT = 24;
const OVERSCAN = 15;
const STRIPE = 4;
// Rows are keyed by index modulo this, so a long jump reuses the same DOM nodes (new text)
// instead of unmounting and mounting every row. Must exceed the rows ever rendered at once.
const KEY_SLOTS = 1024;

/** What the grid asks of the workspace around it (detail pane, tags, pivots, value popup). */
export interface GridActions {
  onSelect(id: number): void;
  /** Enter: open the selected event's detail. */
  onOpen?(id: number): void;
  /** `t`: tag the selected event. */
  onTag?(id: number): void;
  /** `p`: pivot from the selected event (the pivots engineer's menu). */
  onPivot?(id: number, row: EventRow): void;
  onOpenValue(column: TimelineColumn, row: EventRow): void;
}

interface Props extends GridActions {
  pager: KeysetPager;
  sort?: EventSort;
  onSort?(sort: EventSort): void;
  selectedId: number | null;
  layout: ColumnLayout;
  onLayout(next: ColumnLayout): void;
  /** IANA zone times are shown in, and its label for the header. */
  zone: string;
  zoneLabel: string;
  /** Restored once, when the first rows are known (a reopened case comes back where it was). */
  initialScrollTop?: number;
  onScrollTop?(top: number): void;
  /** A row to bring into view (the incident view's "open in grid"). */
  scrollToIndex?: number | null;
}

/** The column whose value the `v` key opens: the longest kind of value the row has. */
function longColumn(columns: readonly TimelineColumn[], row: EventRow): TimelineColumn | undefined {
  const rank = (c: TimelineColumn) => ['command', 'url', 'path', 'text'].indexOf(c.long ?? '');
  return [...columns].filter((c) => c.long && c.text(row)).sort((a, b) => rank(a) - rank(b))[0] ?? columns.find((c) => c.text(row));
}

/**
 * The virtualized event grid: a body as tall as all rows, with only the rows in view (plus
 * overscan) in the DOM, each translated to its place.
 */
export function TimelineGrid({ pager, selectedId, sort, onSort, layout, onLayout, zone, zoneLabel, initialScrollTop, onScrollTop, scrollToIndex, ...actions }: Props) {
  const t = useT();
  const { onSelect, onOpen, onTag, onPivot, onOpenValue } = actions;
  const scroller = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const viewportHeight = useViewportHeight(scroller, header);
  const [scrollTop, setScrollTop] = useState(0);
  // Where keyboard navigation continues from, and a row chosen by keyboard whose page is
  // still loading (its id, and so the detail panel, follows when it arrives).
  const [anchor, setAnchor] = useState<number | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const columns = useMemo(() => visibleColumns(layout), [layout]);
  const pinned = useMemo(() => pinnedOffsets(layout, STRIPE), [layout]);

  const count = pager.count ?? 0;
  const input: WindowInput = { scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, count, overscan: OVERSCAN };
  const view = computeWindow(input);

  useEffect(() => pager.setRange(view.start, view.end), [pager, view.start, view.end]);

  const restored = useRef(false);
  // Each requested row is jumped to once (not again when more rows arrive).
  const jumped = useRef<number | null>(null);
  useEffect(() => {
    const element = scroller.current;
    if (scrollToIndex === null || scrollToIndex === undefined || jumped.current === scrollToIndex) return;
    if (!element || count === 0 || viewportHeight === 0) return;
    jumped.current = scrollToIndex;
    restored.current = true;
    const index = Math.min(count - 1, scrollToIndex);
    setAnchor(index);
    const rowInput: WindowInput = { scrollTop: element.scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, count, overscan: OVERSCAN };
    element.scrollTop = scrollTopForRow(index, rowInput);
  }, [scrollToIndex, count, viewportHeight]);
  useEffect(() => {
    if (restored.current || !initialScrollTop || count === 0 || viewportHeight === 0) return;
    restored.current = true;
    if (scroller.current) scroller.current.scrollTop = initialScrollTop;
  }, [initialScrollTop, count, viewportHeight]);
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

  const selectedRow = anchor !== null ? pager.row(anchor) : undefined;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = gridKeyAction(event, Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1));
    if (!action) return;
    if (action.kind === 'move') {
      if (count === 0) return;
      event.preventDefault();
      const from = anchor ?? (action.step > 0 ? -1 : count);
      const next = Math.max(0, Math.min(count - 1, from + action.step));
      setAnchor(next);
      setPending(next);
      const element = scroller.current;
      if (element) {
        const target = scrollTopForRow(next, { ...input, scrollTop: element.scrollTop });
        if (target !== element.scrollTop) element.scrollTop = target;
      }
      return;
    }
    const row = selectedRow && Number(selectedRow.id) === selectedId ? selectedRow : undefined;
    if (!row) return;
    event.preventDefault();
    if (action.kind === 'open') onOpen?.(Number(row.id));
    else if (action.kind === 'tag') onTag?.(Number(row.id));
    else if (action.kind === 'pivot') onPivot?.(Number(row.id), row);
    else if (action.kind === 'value') {
      const column = longColumn(columns, row);
      if (column) onOpenValue(column, row);
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
          columns={columns}
          pinned={pinned}
          zone={zone}
          onPick={pick}
          onOpenValue={onOpenValue}
        />
      ) : (
        <TimelinePlaceholderRow key={index % KEY_SLOTS} index={index} top={top} />
      ),
    );
  }

  const style = {
    '--tl-grid': gridTemplate(layout, STRIPE),
    '--tl-min-width': `${minimumWidth(layout, STRIPE)}px`,
  } as CSSProperties;
  return (
    <div
      ref={scroller}
      className="tl-scroll"
      style={style}
      role="grid"
      aria-label={t('timeline.title')}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      data-testid="timeline"
      onScroll={(e) => {
        setScrollTop(e.currentTarget.scrollTop);
        onScrollTop?.(e.currentTarget.scrollTop);
      }}
      onKeyDown={onKeyDown}
    >
      <TimelineHeader ref={header} layout={layout} onLayout={onLayout} pinned={pinned} zoneLabel={zoneLabel} sort={sort} onSort={onSort} />
      <div className="tl-body" style={{ height: view.height }}>
        {rows}
      </div>
      {pager.count === 0 && <div className="tl-empty">{t('timeline.noEvents')}</div>}
    </div>
  );
}
