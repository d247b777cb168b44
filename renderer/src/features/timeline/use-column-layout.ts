import { useCallback, useMemo } from 'react';
import { createStoredValue } from '../../lib/stored-store';
import { defaultLayout, sanitizeLayout, type ColumnLayout } from './column-layout';
import type { SourceFamily } from './source-family';

// One remembered layout per source family: the proxy layout stays as the examiner left it
// when they switch to an EDR-only view and back.
const stores = new Map<SourceFamily, ReturnType<typeof createStoredValue<ColumnLayout>>>();

function storeFor(family: SourceFamily) {
  let store = stores.get(family);
  if (!store) {
    store = createStoredValue<ColumnLayout>(`tracelight.columns.${family}`, defaultLayout(family), (raw) => sanitizeLayout(raw, family));
    stores.set(family, store);
  }
  return store;
}

/** The layout for `family` and a setter that remembers it; `reset` restores the family default. */
export function useColumnLayout(family: SourceFamily): { layout: ColumnLayout; setLayout(next: ColumnLayout): void; reset(): void } {
  const store = storeFor(family);
  const [layout] = store.use();
  // The store's own setter is memoized once per hook slot, so after a family change it would
  // still write the first family's layout: write through the current family's store instead.
  const setLayout = useCallback((next: ColumnLayout) => storeFor(family).set(next), [family]);
  return useMemo(() => ({ layout, setLayout, reset: () => setLayout(defaultLayout(family)) }), [layout, setLayout, family]);
}
