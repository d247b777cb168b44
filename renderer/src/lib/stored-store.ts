import { useCallback, useSyncExternalStore } from 'react';

interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

// The page's localStorage; absent where there is no page (unit tests in Node).
const storage = (): KeyValueStorage | undefined => (globalThis as { localStorage?: KeyValueStorage }).localStorage;

/**
 * A value remembered in localStorage and shared by every component that reads it (a header
 * switch and the grid it changes), without a provider around the app.
 */
export function createStoredValue<T>(key: string, fallback: T, check: (raw: unknown) => T | undefined) {
  const listeners = new Set<() => void>();
  let current: T = read();

  function read(): T {
    try {
      const raw = storage()?.getItem(key) ?? null;
      if (raw === null) return fallback;
      return check(JSON.parse(raw)) ?? fallback;
    } catch {
      return fallback;
    }
  }

  function set(next: T): void {
    current = next;
    try {
      storage()?.setItem(key, JSON.stringify(next));
    } catch {
      // Kept for this session only.
    }
    for (const listener of listeners) listener();
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function use(): [T, (next: T) => void] {
    const value = useSyncExternalStore(subscribe, () => current);
    return [value, useCallback((next: T) => set(next), [])];
  }

  return { get: () => current, set, use };
}
