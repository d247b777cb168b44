// Widths of the workspace's side panes, remembered on this machine. Pure clamping so a stored
// value from a bigger screen never squeezes the grid below its minimum.
import { createStoredValue } from '../../lib/stored-store';

export interface PaneSizes {
  left: number;
  right: number;
  leftOpen: boolean;
  rightOpen: boolean;
}

export const PANE_LIMITS = { left: { min: 160, max: 480 }, right: { min: 260, max: 720 }, centreMin: 420 } as const;

/** Defaults sized so the default grid columns fit the centre of a 1,366 px window. */
export const DEFAULT_PANES: PaneSizes = { left: 200, right: 320, leftOpen: true, rightOpen: true };

export function clampPane(side: 'left' | 'right', width: number): number {
  const { min, max } = PANE_LIMITS[side];
  return Math.round(Math.max(min, Math.min(max, width)));
}

function check(raw: unknown): PaneSizes | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const v = raw as Partial<PaneSizes>;
  const num = (x: unknown, side: 'left' | 'right') => (typeof x === 'number' && Number.isFinite(x) ? clampPane(side, x) : DEFAULT_PANES[side]);
  return {
    left: num(v.left, 'left'),
    right: num(v.right, 'right'),
    leftOpen: v.leftOpen !== false,
    rightOpen: v.rightOpen !== false,
  };
}

export const paneSizes = createStoredValue<PaneSizes>('tracelight.panes', DEFAULT_PANES, check);
