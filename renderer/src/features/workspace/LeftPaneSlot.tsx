import { createContext, use, useState, type ReactNode } from 'react';

/**
 * The left pane's place for facets and saved searches. The timeline owns the search state they
 * follow, so it renders them here through a portal (useLeftPane) rather than the pane lifting
 * that state: the pane stays a layout box, the timeline stays the one owner of its query.
 */
interface Slot {
  /** Inside a workspace that has a left pane (folded or not). */
  inWorkspace: boolean;
  slot: HTMLElement | null;
  setSlot(el: HTMLElement | null): void;
}

const SlotContext = createContext<Slot>({ inWorkspace: false, slot: null, setSlot: () => undefined });

export function LeftPaneProvider({ children }: { children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  return <SlotContext value={{ inWorkspace: true, slot, setSlot }}>{children}</SlotContext>;
}

export function LeftPaneSlot() {
  const { setSlot } = use(SlotContext);
  return <div className="left-pane-slot" data-testid="left-pane-slot" ref={setSlot} />;
}

/**
 * Where the facets go: the left pane's element; 'folded' while the examiner has folded the pane
 * (render nothing); null outside a workspace with a left pane, such as reviewer mode (render inline).
 */
export function useLeftPane(): HTMLElement | 'folded' | null {
  const { inWorkspace, slot } = use(SlotContext);
  if (!inWorkspace) return null;
  return slot ?? 'folded';
}
