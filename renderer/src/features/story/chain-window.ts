// The patient-zero chain window (detect --chain-window): chain-linked activity further apart
// than this many hours starts a new episode. Remembered per case (by its id) on this machine,
// like the case's other view state, and sent with every detection run of that case.
import { createStoredValue } from '../../lib/stored-store';

export const DEFAULT_CHAIN_WINDOW_HOURS = 24;
/** The engine's limit (rpc/detect-handlers.ts): a year. */
export const MAX_CHAIN_WINDOW_HOURS = 24 * 366;

/** Hours as the examiner typed them, or null when they are not a usable window. */
export function parseChainWindow(text: string): number | null {
  const trimmed = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const hours = Number(trimmed);
  return hours > 0 && hours <= MAX_CHAIN_WINDOW_HOURS ? hours : null;
}

const stores = new Map<string, ReturnType<typeof createStoredValue<number>>>();

export function chainWindowStore(caseId: string) {
  let store = stores.get(caseId);
  if (!store) {
    store = createStoredValue<number>(`tracelight.chainWindow.${caseId}`, DEFAULT_CHAIN_WINDOW_HOURS, (raw) =>
      typeof raw === 'number' && raw > 0 && raw <= MAX_CHAIN_WINDOW_HOURS ? raw : undefined,
    );
    stores.set(caseId, store);
  }
  return store;
}
