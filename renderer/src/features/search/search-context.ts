// What other features call to change the search: the grid's cell menu and the facets filter
// in or out through addClause, without knowing how the query bar keeps its chips.
import { createContext, use } from 'react';

export interface SearchActions {
  addClause(field: string, value: string | number | null, negate: boolean): void;
  /** Opens the filter in/out menu for a cell's value at a screen position. */
  openCellMenu(x: number, y: number, field: string, value: string | number | null, eventId?: number): void;
}

export const SearchActionsContext = createContext<SearchActions | null>(null);

/** The search's actions, or null outside a timeline (the cell menu then offers only Copy). */
export function useSearchActions(): SearchActions | null {
  return use(SearchActionsContext);
}
