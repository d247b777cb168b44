import type { EventRow } from '../../contracts';
import type { PaneSizes } from './pane-sizes';
import { paneSizes } from './pane-sizes';

/**
 * Enter / `t` on the grid: make sure the detail pane is open, then move focus into it (its
 * heading, or the tag label picker) once it has rendered.
 */
export function openDetail(setPanes: (next: PaneSizes) => void, focusSelector: string): void {
  const sizes = paneSizes.get();
  if (!sizes.rightOpen) setPanes({ ...sizes, rightOpen: true });
  let tries = 0;
  const focus = () => {
    const target = document.querySelector<HTMLElement>(focusSelector);
    if (target) {
      if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) target.tabIndex = -1;
      target.focus();
    } else if (tries++ < 20) setTimeout(focus, 50); // the detail loads after the selection
  };
  focus();
}

/** The event `p` pivots from; the pivot menu listens for it (see docs/workspace-ui.md). */
export const PIVOT_EVENT = 'tracelight:pivot';

export interface PivotRequest {
  eventId: number;
  row: EventRow;
}

/** `p` on the grid: asks the pivot menu (the pivots feature) to open for this event. */
export function requestPivot(eventId: number, row: EventRow): void {
  window.dispatchEvent(new CustomEvent<PivotRequest>(PIVOT_EVENT, { detail: { eventId, row } }));
}
