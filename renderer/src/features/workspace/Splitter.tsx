import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  label: string;
  /** Current width of the pane this splitter sizes. */
  width: number;
  /** +1 when dragging right widens the pane (left pane), -1 when it narrows it (right pane). */
  direction: 1 | -1;
  onWidth(width: number): void;
  testId: string;
}

const KEY_STEP = 16;

/** A draggable, focusable divider between two panes (arrow keys resize it too). */
export function Splitter({ label, width, direction, onWidth, testId }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) onWidth(d.width + direction * (event.clientX - d.x));
  };
  const end = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const dir = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (!dir) return;
    event.preventDefault();
    onWidth(width + dir * direction * KEY_STEP);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}
