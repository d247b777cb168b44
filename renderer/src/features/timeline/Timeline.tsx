import { useCallback, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useEngineCall } from '../../client/use-engine-call';
import type { EventFilter, EventRow, EventSort } from '../../contracts';
import { useT } from '../../i18n';
import { displayZone, resolveZone } from '../../lib/display-zone';
import { BulkTagBar } from '../annotations/BulkTagBar';
import { FacetPane } from '../facets/FacetPane';
import { Histogram } from '../histogram/Histogram';
import { useInvestigation, withScope } from '../pivots/investigation';
import { ScopeBar } from '../pivots/ScopeBar';
import { CellMenu, type CellMenuRequest } from '../search/CellMenu';
import { QueryBar } from '../search/QueryBar';
import { SavedSearches } from '../search/SavedSearches';
import { SearchActionsContext, type SearchActions } from '../search/search-context';
import { useSearch } from '../search/use-search';
import { ColumnChooser } from './ColumnChooser';
import { queryFamily, viewFamily } from './source-family';
import type { TimelineColumn } from './timeline-columns';
import { TimelineGrid } from './TimelineGrid';
import { useColumnLayout } from './use-column-layout';
import { useKeysetPager } from './use-keyset-pager';
import { useLeftPane } from '../workspace/LeftPaneSlot';
import { ValuePopup } from './ValuePopup';
import './strings';

interface Props {
  /** Bumped when the case's data changed (an ingest finished). */
  version: number;
  selectedId: number | null;
  onSelect(id: number): void;
  /** Told the filter in force (the export dialog offers it for the timeline rows). */
  onFilter?(filter: EventFilter | undefined): void;
  /** The case's zone, one of the zones times can be shown in. */
  caseZone?: string;
  onOpen?(id: number): void;
  onTag?(id: number): void;
  onPivot?(id: number, row: EventRow): void;
  /** Where the grid was scrolled when the case was last open, and where it is now. */
  initialScrollTop?: number;
  onScrollTop?(top: number): void;
  /** An event to bring into view (opened from the incident view). */
  reveal?: { id: number; time: string } | null;
  /** Reviewer mode and other read-only cases: no bulk tagging, no saved searches. */
  readOnly?: boolean;
  /** Told when rows were tagged from here (bookmarks and custody log re-read). */
  onAnnotated?(): void;
  /** A query opened from elsewhere (an assistant answer): it replaces the query bar's chips. */
  askQuery?: { text: string; nonce: number };
}

const TIME_SORT: EventSort = { column: 'time' };

/**
 * The timeline: facets and saved searches on the left; the query bar, the investigation's scope
 * (pivots, histogram range), the histogram and the keyset-paged grid in the centre.
 */
export function Timeline(props: Props) {
  const { version, selectedId, onSelect, onFilter, caseZone = 'UTC', onOpen, onTag, onPivot, initialScrollTop, onScrollTop, reveal, readOnly = false, onAnnotated, askQuery } = props;
  const t = useT();
  const search = useSearch();
  // Each new query opened from an answer becomes the chips (the examiner refines them there).
  useEffect(() => {
    if (askQuery) void search.replaceWith(askQuery.text);
  }, [askQuery]);
  const [sort, setSort] = useState<EventSort>(TIME_SORT);
  const [menu, setMenu] = useState<CellMenuRequest | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  // The investigation's pivot and histogram range narrow the query bar's own filter.
  const { scope, setRange } = useInvestigation();
  const filter = useMemo<EventFilter | undefined>(() => {
    return withScope(search.query ? { query: search.query } : undefined, scope);
  }, [search.query, scope]);
  const pager = useKeysetPager(filter, version, sort);
  useEffect(() => onFilter?.(filter), [filter, onFilter]);

  const { value: evidence } = useEngineCall('evidence.list', {}, version);
  const family = queryFamily(search.chips) ?? viewFamily((evidence ?? []).filter((e) => e.container !== 'zip-archive').map((e) => e.format), filter?.category);
  const { layout, setLayout, reset } = useColumnLayout(family);
  const [zoneChoice] = displayZone.use();
  const zone = resolveZone(zoneChoice, caseZone);
  const [popup, setPopup] = useState<{ column: TimelineColumn; row: EventRow } | null>(null);

  // An event opened from the incident view: jump to its time (keyset), then select it.
  useEffect(() => {
    if (!reveal) return;
    if (sort.column !== 'time') setSort(TIME_SORT);
    pager.jumpToTime(reveal.time);
    onSelect(reveal.id);
    // Only a new reveal request jumps; the pager object is stable per query.
  }, [reveal]);

  const { addClause } = search;
  const actions = useMemo<SearchActions>(
    () => ({ addClause, openCellMenu: (x, y, field, value, eventId) => setMenu({ x, y, field, value, ...(eventId !== undefined ? { eventId } : {}) }) }),
    [addClause],
  );
  const closeMenu = useCallback(() => setMenu(null), []);
  const leftPane = useLeftPane();

  return (
    <SearchActionsContext value={actions}>
      <section className={leftPane ? 'timeline-panel' : 'timeline-panel with-facets'} aria-label={t('timeline.title')} data-family={family}>
        {/* Facets and saved searches live in the workspace's left pane when it has one. */}
        {(() => {
          const facets = (
            <FacetPane filter={filter} version={version} onFilter={addClause}>
              <SavedSearches version={savedVersion} readOnly={readOnly} onRun={(q) => void search.replaceWith(q)} onChanged={() => setSavedVersion((v) => v + 1)} />
            </FacetPane>
          );
          if (leftPane === 'folded') return null;
          return leftPane ? createPortal(facets, leftPane) : facets;
        })()}
        <div className="timeline-main">
          <QueryBar
            search={search}
            count={pager.count}
            error={pager.error}
            version={version}
            readOnly={readOnly}
            onJumpToTime={(time) => {
              if (sort.column !== 'time') setSort(TIME_SORT);
              pager.jumpToTime(time);
            }}
            onSaved={() => setSavedVersion((v) => v + 1)}
          />
          <div className="tl-toolbar">
            <span className="muted small-text" data-testid="timeline-family">
              {t(`timeline.family.${family}`)}
            </span>
            <ColumnChooser family={family} layout={layout} onLayout={setLayout} onReset={reset} />
          </div>
          <ScopeBar />
          <Histogram filter={filter} version={version} onRange={setRange} />
          <BulkTagBar
            filter={filter}
            count={pager.count}
            rowId={(i) => {
              const row = pager.row(i);
              return row ? Number(row.id) : null;
            }}
            readOnly={readOnly}
            onTagged={() => onAnnotated?.()}
          />
          {/* A new query or order is a new list: remount so scroll position and keyboard anchor reset. */}
          <TimelineGrid
            key={`${JSON.stringify(filter ?? {})}|${sort.column}|${sort.descending ? 1 : 0}`}
            pager={pager}
            selectedId={selectedId}
            onSelect={onSelect}
            sort={sort}
            onSort={setSort}
            onOpen={onOpen}
            onTag={onTag}
            onPivot={onPivot}
            onOpenValue={(column, row) => setPopup({ column, row })}
            layout={layout}
            onLayout={setLayout}
            zone={zone}
            zoneLabel={zone}
            initialScrollTop={initialScrollTop}
            onScrollTop={onScrollTop}
          />
        </div>
        {menu && <CellMenu request={menu} onFilter={addClause} onClose={closeMenu} />}
        {popup && <ValuePopup column={popup.column} eventId={String(popup.row.id)} value={popup.column.text(popup.row)} onClose={() => setPopup(null)} />}
      </section>
    </SearchActionsContext>
  );
}
