import { useEffect, useRef } from 'react';

export interface WorkspaceKeyHandlers {
  /** `?`: list the shortcuts. */
  onHelp(): void;
  /** 1-5: switch view. */
  onView(index: number): void;
}

/** True when the key belongs to a text field, a select or an open dialog, not the workspace. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog[open]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

// The query bar (the search feature's input carries this test id); the old filter box until then.
const SEARCH_INPUTS = ['[data-testid="query-input"]', '[data-testid="timeline-filter-text"]'];

function focusSearch(): boolean {
  for (const selector of SEARCH_INPUTS) {
    const input = document.querySelector<HTMLInputElement>(selector);
    if (input) {
      input.focus();
      input.select?.();
      return true;
    }
  }
  return false;
}

const GRID_KEYS = new Set(['j', 'k', 'ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', 'Enter', 't', 'p', 'v']);

/**
 * Keys that work anywhere in the workspace: `/` focuses the query bar, `?` lists the shortcuts,
 * Esc leaves a text field for the grid, 1-5 switch views, and the grid's keys (j/k, Enter, t,
 * p, v) reach the grid even when focus is elsewhere on the page.
 */
export function useWorkspaceKeys(handlers: WorkspaceKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const grid = document.querySelector<HTMLElement>('[data-testid="timeline"]');
      if (event.key === 'Escape') {
        if (event.target instanceof HTMLElement && typingInto(event.target) && !event.target.closest('dialog[open]')) {
          event.target.blur();
          grid?.focus();
        }
        return;
      }
      if (typingInto(event.target)) return;
      if (event.key === '/') {
        if (focusSearch()) event.preventDefault();
      } else if (event.key === '?') {
        event.preventDefault();
        latest.current.onHelp();
      } else if (/^[1-7]$/.test(event.key)) {
        event.preventDefault();
        latest.current.onView(Number(event.key) - 1);
      } else if (grid && GRID_KEYS.has(event.key) && !grid.contains(event.target as Node)) {
        // Hand the key to the grid, which owns the selection.
        const target = event.target as HTMLElement | null;
        if (target && target !== document.body && target.closest('button, a, [role="button"], summary')) return;
        event.preventDefault();
        grid.focus();
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, bubbles: true, cancelable: true }));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
