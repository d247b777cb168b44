// The workspace's investigation state shared by the grid, the histogram, the pivot menu and
// the side panel: the pivot in force (a filter with query text the query bar can refine), the
// time range chosen on the histogram, and which side tab shows the selected event.
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { EventFilter, PivotOption } from '../../contracts';

export type SideTab = 'detail' | 'tree' | 'pivots' | 'host';

export interface AppliedPivot {
  option: PivotOption;
  /** The label shown on its chip (already translated). */
  label: string;
}

export interface TimeRange {
  from: string;
  to: string;
}

interface Investigation {
  pivot: AppliedPivot | null;
  range: TimeRange | null;
  /** What the pivot and the range add to the grid's own filter. */
  scope: EventFilter | undefined;
  applyPivot(option: PivotOption, label: string): void;
  clearPivot(): void;
  setRange(range: TimeRange | null): void;
  sideTab: SideTab;
  setSideTab(tab: SideTab): void;
}

const Ctx = createContext<Investigation | null>(null);

export function InvestigationProvider({ children }: { children: ReactNode }) {
  const [pivot, setPivot] = useState<AppliedPivot | null>(null);
  const [range, setRangeState] = useState<TimeRange | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('detail');
  const applyPivot = useCallback((option: PivotOption, label: string) => {
    setPivot({ option, label });
    // A pivot brings its own time window (or none): an earlier histogram range would hide it.
    setRangeState(null);
  }, []);
  const clearPivot = useCallback(() => setPivot(null), []);
  const setRange = useCallback((r: TimeRange | null) => setRangeState(r), []);
  const scope = useMemo(() => mergeScope(pivot?.option.filter, range), [pivot, range]);
  const value = useMemo(
    () => ({ pivot, range, scope, applyPivot, clearPivot, setRange, sideTab, setSideTab }),
    [pivot, range, scope, applyPivot, clearPivot, setRange, sideTab],
  );
  return <Ctx value={value}>{children}</Ctx>;
}

export function useInvestigation(): Investigation {
  const v = use(Ctx);
  if (!v) throw new Error('useInvestigation outside InvestigationProvider');
  return v;
}

/** The pivot's filter narrowed by a histogram range (the range wins where both set times). */
export function mergeScope(pivot: EventFilter | undefined, range: TimeRange | null): EventFilter | undefined {
  if (!pivot && !range) return undefined;
  return { ...(pivot ?? {}), ...(range ?? {}) };
}

/** The grid's own filter with the investigation scope added. */
export function withScope(filter: EventFilter | undefined, scope: EventFilter | undefined): EventFilter | undefined {
  if (!scope) return filter;
  const query = [filter?.query, scope.query].filter((q): q is string => !!q && q.trim() !== '');
  const merged: EventFilter = { ...(filter ?? {}), ...scope };
  if (query.length > 1) merged.query = query.map((q) => `(${q})`).join(' AND ');
  return merged;
}
