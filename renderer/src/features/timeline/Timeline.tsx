import { useEffect, useMemo, useState } from 'react';
import type { EventFilter } from '../../contracts';
import { useDebouncedValue } from '../../lib/use-debounced-value';
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
  /** Filters set from elsewhere (an assistant answer), ANDed with the bar's own. */
  preset?: EventFilter;
  onClearPreset?(): void;
}

export function Timeline({ version, selectedId, onSelect, onFilter, preset, onClearPreset }: Props) {
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const settledText = useDebouncedValue(text, TEXT_DEBOUNCE_MS);
  const filter = useMemo(() => {
    const own = buildFilter({ text: settledText, category });
    return preset ? { ...preset, ...own } : own;
  }, [settledText, category, preset]);
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
      {preset && (
        <p className="muted timeline-preset" data-testid="timeline-preset">
          {Object.entries(preset)
            .map(([k, v]) => `${k} = ${String(v)}`)
            .join(', ')}{' '}
          <button type="button" className="link-button" onClick={onClearPreset}>
            ×
          </button>
        </p>
      )}
      {/* A new filter is a new list: remount so scroll position and keyboard anchor reset. */}
      <TimelineGrid key={filterKey(filter)} pager={pager} selectedId={selectedId} onSelect={onSelect} />
    </section>
  );
}
