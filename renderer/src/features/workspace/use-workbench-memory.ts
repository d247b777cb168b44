import { useCallback, useEffect, useRef } from 'react';
import { caseMemory } from './case-memory';

const VIEWS = ['timeline', 'incident', 'assist', 'bookmarks', 'custody', 'case', 'evidence'] as const;
export type RememberedView = (typeof VIEWS)[number];

/**
 * The open case's view and selected event, remembered per case, and the grid's scroll
 * position (written when scrolling settles, read once when the grid first shows rows).
 */
export function useWorkbenchMemory(caseId: string) {
  const store = caseMemory(caseId);
  const [memory] = store.use();
  const view: RememberedView = (VIEWS as readonly string[]).includes(memory.view ?? '') ? (memory.view as RememberedView) : 'timeline';
  const selectedId = memory.selectedId ?? null;
  const setView = useCallback((next: RememberedView) => store.set({ ...store.get(), view: next }), [store]);
  const setSelectedId = useCallback((next: number | null) => store.set({ ...store.get(), selectedId: next }), [store]);
  const initialScrollTop = useRef(memory.scrollTop ?? 0).current;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onScrollTop = useCallback(
    (top: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => store.set({ ...store.get(), scrollTop: Math.round(top) }), 300);
    },
    [store],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { view, setView, selectedId, setSelectedId, initialScrollTop, onScrollTop, views: VIEWS };
}
