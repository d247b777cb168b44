import { useCallback, useEffect, useMemo, useState } from 'react';
import type { EventFilter, EventSort } from '../../contracts';
import { FacetPane } from '../facets/FacetPane';
import { CellMenu, type CellMenuRequest } from '../search/CellMenu';
import { QueryBar } from '../search/QueryBar';
import { SavedSearches } from '../search/SavedSearches';
import { SearchActionsContext, type SearchActions } from '../search/search-context';
import { useSearch } from '../search/use-search';
import { TimelineGrid } from './TimelineGrid';
import { useKeysetPager } from './use-keyset-pager';

interface Props {
  /** Bumped when the case's data changed (an ingest finished). */
  version: number;
  selectedId: number | null;
  onSelect(id: number): void;
  /** Told the filter in force (the export dialog offers it for the timeline rows). */
  onFilter?(filter: EventFilter | undefined): void;
  readOnly?: boolean;
}

const TIME_SORT: EventSort = { column: 'time' };

export function Timeline({ version, selectedId, onSelect, onFilter, readOnly = false }: Props) {
  const search = useSearch();
  const [sort, setSort] = useState<EventSort>(TIME_SORT);
  const [menu, setMenu] = useState<CellMenuRequest | null>(null);
  const [savedVersion, setSavedVersion] = useState(0);
  const filter = useMemo<EventFilter | undefined>(() => (search.query ? { query: search.query } : undefined), [search.query]);
  const pager = useKeysetPager(filter, version, sort);
  useEffect(() => onFilter?.(filter), [filter, onFilter]);

  const { addClause } = search;
  const actions = useMemo<SearchActions>(
    () => ({ addClause, openCellMenu: (x, y, field, value) => setMenu({ x, y, field, value }) }),
    [addClause],
  );
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <SearchActionsContext value={actions}>
      <section className="timeline-panel with-facets" aria-label="Timeline">
        <FacetPane filter={filter} version={version} onFilter={addClause}>
          <SavedSearches version={savedVersion} readOnly={readOnly} onRun={(q) => void search.replaceWith(q)} onChanged={() => setSavedVersion((v) => v + 1)} />
        </FacetPane>
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
          {/* A new query is a new list: remount so scroll position and keyboard anchor reset. */}
          <TimelineGrid key={`${search.query}|${sort.column}|${sort.descending ? 1 : 0}`} pager={pager} selectedId={selectedId} onSelect={onSelect} sort={sort} onSort={setSort} />
        </div>
        {menu && <CellMenu request={menu} onFilter={addClause} onClose={closeMenu} />}
      </section>
    </SearchActionsContext>
  );
}
