import { useEffect, useMemo, useState } from 'react';
import type { EventFilter } from '../../contracts';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { BulkTagBar } from '../annotations/BulkTagBar';
import { Histogram } from '../histogram/Histogram';
import { useInvestigation, withScope } from '../pivots/investigation';
import { ScopeBar } from '../pivots/ScopeBar';
import { buildFilter, filterKey } from './build-filter';
import { FilterBar } from './FilterBar';
import { TimelineGrid } from './TimelineGrid';
import { useTimelinePager } from './use-timeline-pager';

const TEXT_DEBOUNCE_MS = 250;

interface Props {
  /** Bumped when the case's data changed (an ingest finished). */
  version: number;
  selectedId: number | null;
  onSelect(id: number): void;
  /** Told the filter in force (the export dialog offers it for the timeline rows). */
  onFilter?(filter: EventFilter | undefined): void;
  /** Reviewer mode and other read-only cases: no bulk tagging. */
  readOnly?: boolean;
  /** Told when rows were tagged from here (bookmarks and custody log re-read). */
  onAnnotated?(): void;
}

export function Timeline({ version, selectedId, onSelect, onFilter, readOnly = false, onAnnotated }: Props) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const settledText = useDebouncedValue(text, TEXT_DEBOUNCE_MS);
  // The investigation's pivot and histogram range narrow the grid's own filter.
  const { scope, setRange } = useInvestigation();
  const filter = useMemo(() => withScope(buildFilter({ text: settledText, category }), scope), [settledText, category, scope]);
  const pager = useTimelinePager(filter, version);
  useEffect(() => onFilter?.(filter), [filter, onFilter]);

  return (
    <section className="timeline-panel" aria-label="Timeline">
      <FilterBar
        text={text}
        category={category}
        count={pager.count}
        error={pager.error}
        onText={setText}
        onCategory={setCategory}
      />
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
      {/* A new filter is a new list: remount so scroll position and keyboard anchor reset. */}
      <TimelineGrid key={filterKey(filter)} pager={pager} selectedId={selectedId} onSelect={onSelect} />
    </section>
  );
}
