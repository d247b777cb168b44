// The grid's keys, as actions. Letters act only without modifiers, so browser and OS shortcuts
// (Ctrl+C, Alt+←) keep working; `/`, `?` and Esc are the workspace's (use-workspace-keys.ts).

export type GridKeyAction =
  | { kind: 'move'; step: number }
  | { kind: 'open' }
  | { kind: 'tag' }
  | { kind: 'pivot' }
  | { kind: 'value' };

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export function gridKeyAction(event: KeyLike, rowsPerPage: number): GridKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'move', step: 1 };
    case 'ArrowUp':
    case 'k':
      return { kind: 'move', step: -1 };
    case 'PageDown':
      return { kind: 'move', step: rowsPerPage };
    case 'PageUp':
      return { kind: 'move', step: -rowsPerPage };
    case 'Home':
      return { kind: 'move', step: -Infinity };
    case 'End':
      return { kind: 'move', step: Infinity };
    case 'Enter':
      return { kind: 'open' };
    case 't':
      return { kind: 'tag' };
    case 'p':
      return { kind: 'pivot' };
    case 'v':
      return { kind: 'value' };
    default:
      return null;
  }
}
