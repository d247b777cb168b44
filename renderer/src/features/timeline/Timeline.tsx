import { useEffect, useMemo, useState } from 'react';
import type { EventFilter } from '../../contracts';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { buildFilter, filterKey } from './build-filter';
import { FilterBar } from './FilterBar';
import { TimelineGrid } from './TimelineGrid';
import { useTimelinePager } from './use-timeline-pager';
import { useT } from '../../i18n';
import './strings';

const TEXT_DEBOUNCE_MS = 250;

interface Props {
  /** Bumped when the case's data changed (an ingest finished). */
  version: number;
  selectedId: number | null;
  onSelect(id: number): void;
  /** Told the filter in force (the export dialog offers it for the timeline rows). */
  onFilter?(filter: EventFilter | undefined): void;
}

export function Timeline({ version, selectedId, onSelect, onFilter }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const settledText = useDebouncedValue(text, TEXT_DEBOUNCE_MS);
  const filter = useMemo(() => buildFilter({ text: settledText, category }), [settledText, category]);
  const pager = useTimelinePager(filter, version);
  useEffect(() => onFilter?.(filter), [filter, onFilter]);

  return (
    <section className="timeline-panel" aria-label={t('timeline.title')}>
      <FilterBar
        text={text}
        category={category}
        count={pager.count}
        error={pager.error}
        onText={setText}
        onCategory={setCategory}
      />
      {/* A new filter is a new list: remount so scroll position and keyboard anchor reset. */}
      <TimelineGrid key={filterKey(filter)} pager={pager} selectedId={selectedId} onSelect={onSelect} />
    </section>
  );
}
