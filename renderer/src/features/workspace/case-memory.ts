// What a case looked like when it was left: the view, the selected event, the grid's scroll.
// Kept per case (by its id) on this machine, so a reopened case comes back as it was.
import { createStoredValue } from '../../lib/stored-store';

export interface CaseMemory {
  view?: string;
  selectedId?: number | null;
  scrollTop?: number;
}

const stores = new Map<string, ReturnType<typeof createStoredValue<CaseMemory>>>();

export function caseMemory(caseId: string) {
  let store = stores.get(caseId);
  if (!store) {
    store = createStoredValue<CaseMemory>(`tracelight.case.${caseId}`, {}, (raw) => {
      if (!raw || typeof raw !== 'object') return undefined;
      const v = raw as CaseMemory;
      return {
        ...(typeof v.view === 'string' ? { view: v.view } : {}),
        ...(typeof v.selectedId === 'number' ? { selectedId: v.selectedId } : {}),
        ...(typeof v.scrollTop === 'number' && v.scrollTop >= 0 ? { scrollTop: v.scrollTop } : {}),
      };
    });
    stores.set(caseId, store);
  }
  return store;
}
