import { useEffect, useMemo, useState } from 'react';
import { useClient } from '../../client/connection-context';
import { useEngineCall } from '../../client/use-engine-call';
import type { EventFilter, EventRow } from '../../contracts';
import { useT } from '../../i18n';
import { displayZone, resolveZone } from '../../lib/display-zone';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { BulkTagBar } from '../annotations/BulkTagBar';
import { Histogram } from '../histogram/Histogram';
import { useInvestigation, withScope } from '../pivots/investigation';
import { ScopeBar } from '../pivots/ScopeBar';
import { buildFilter, filterKey } from './build-filter';
import { ColumnChooser } from './ColumnChooser';
import { FilterBar } from './FilterBar';
import { viewFamily } from './source-family';
import type { TimelineColumn } from './timeline-columns';
import { TimelineGrid } from './TimelineGrid';
import { useColumnLayout } from './use-column-layout';
import { useTimelinePager } from './use-timeline-pager';
import { ValuePopup } from './ValuePopup';
import './strings';

const TEXT_DEBOUNCE_MS = 250;

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
  /** Reviewer mode and other read-only cases: no bulk tagging. */
  readOnly?: boolean;
  /** Told when rows were tagged from here (bookmarks and custody log re-read). */
  onAnnotated?(): void;
}

export function Timeline(props: Props) {
  const { version, selectedId, onSelect, onFilter, caseZone = 'UTC', onOpen, onTag, onPivot, initialScrollTop, onScrollTop, reveal, readOnly = false, onAnnotated } = props;
  const client = useClient();
  const t = useT();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const settledText = useDebouncedValue(text, TEXT_DEBOUNCE_MS);
  // The investigation's pivot and histogram range narrow the grid's own filter.
  const { scope, setRange } = useInvestigation();
  const filter = useMemo(() => withScope(buildFilter({ text: settledText, category }), scope), [settledText, category, scope]);
  const pager = useTimelinePager(filter, version);
  useEffect(() => onFilter?.(filter), [filter, onFilter]);

  const { value: evidence } = useEngineCall('evidence.list', {}, version);
  const family = viewFamily((evidence ?? []).filter((e) => e.container !== 'zip-archive').map((e) => e.format), filter?.category);
  const { layout, setLayout, reset } = useColumnLayout(family);
  const [zoneChoice] = displayZone.use();
  const zone = resolveZone(zoneChoice, caseZone);
  const [popup, setPopup] = useState<{ column: TimelineColumn; row: EventRow } | null>(null);
  // The grid is in (time, id) order: the events before the revealed one's time give its row.
  const [revealIndex, setRevealIndex] = useState<number | null>(null);
  useEffect(() => {
    if (!reveal) return undefined;
    let current = true;
    client.call('events.count', { filter: { ...(filter ?? {}), to: reveal.time } }).then(
      (index) => current && setRevealIndex(index),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, reveal, filter]);

  return (
    <section className="timeline-panel" aria-label={t('timeline.title')} data-family={family}>
      <FilterBar
        text={text}
        category={category}
        count={pager.count}
        error={pager.error}
        onText={setText}
        onCategory={setCategory}
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
      {/* A new filter is a new list: remount so scroll position and keyboard anchor reset. */}
      <TimelineGrid
        key={filterKey(filter)}
        pager={pager}
        selectedId={selectedId}
        onSelect={onSelect}
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
        scrollToIndex={revealIndex}
      />
      {popup && (
        <ValuePopup column={popup.column} eventId={String(popup.row.id)} value={popup.column.text(popup.row)} onClose={() => setPopup(null)} />
      )}
    </section>
  );
}
