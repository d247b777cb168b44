import { createContext, use, useState, type ReactNode } from 'react';

/**
 * The left pane's place for facets and saved searches. The timeline owns the search state they
 * follow, so it renders them here through a portal (useLeftPane) rather than the pane lifting
 * that state: the pane stays a layout box, the timeline stays the one owner of its query.
 */
const SlotContext = createContext<{ slot: HTMLElement | null; setSlot(el: HTMLElement | null): void }>({ slot: null, setSlot: () => undefined });

export function LeftPaneProvider({ children }: { children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return <SlotContext value={{ slot, setSlot }}>{children}</SlotContext>;
}

export function LeftPaneSlot() {
  const { setSlot } = use(SlotContext);
  return <div className="left-pane-slot" data-testid="left-pane-slot" ref={setSlot} />;
}

/** The element the left pane offers, or null when there is no left pane (then render inline). */
export function useLeftPane(): HTMLElement | null {
  return use(SlotContext).slot;
}
