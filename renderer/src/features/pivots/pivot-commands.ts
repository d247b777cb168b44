// Entry points other features call: the keyboard's `p` (pivot menu on the selected row) and
// any context menu that offers "Pivot…". They travel as a window event so the caller needs no
// reference to the menu's component.
export const PIVOT_MENU_EVENT = 'tracelight:pivot-menu';

export interface PivotMenuRequest {
  eventId: number;
  /** Where to open the menu (viewport px); the selected row's place when omitted. */
  x?: number;
  y?: number;
}

/** Opens the pivot menu for an event (bind `p` to this with the selected event's id). */
export function requestPivotMenu(request: PivotMenuRequest): void {
  window.dispatchEvent(new CustomEvent<PivotMenuRequest>(PIVOT_MENU_EVENT, { detail: request }));
}
