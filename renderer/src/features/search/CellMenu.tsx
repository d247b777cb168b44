import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { revealInvisibles } from '../../lib/reveal-invisibles';
import { requestPivotMenu } from '../pivots/pivot-commands';
import type { CellValue } from './cell-field';
import './strings';

export interface CellMenuRequest extends CellValue {
  x: number;
  y: number;
  /** The row's event: the menu offers the pivots from it. */
  eventId?: number;
}

interface Props {
  request: CellMenuRequest;
  onFilter(field: string, value: string | number | null, negate: boolean): void;
  onClose(): void;
}

const SHOWN = 40;

/** Right-click on a cell: filter in, filter out, copy. Keyboard: arrows move, Esc closes. */
export function CellMenu({ request, onFilter, onClose }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Opened near the window's bottom or right edge, the menu moves up or left to stay whole.
  const [place, setPlace] = useState({ left: request.x, top: request.y });
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const left = Math.max(0, Math.min(request.x, window.innerWidth - box.width - 4));
    const top = Math.max(0, Math.min(request.y, window.innerHeight - box.height - 4));
    setPlace({ left, top });
  }, [request.x, request.y]);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [onClose]);

  const text = request.value === null ? '' : String(request.value);
  const shown = text === '' ? t('search.menu.empty') : revealInvisibles(text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);
  const act = (fn: () => void) => () => {
    fn();
    onClose();
  };
  return (
    <div
      ref={ref}
      className="cell-menu"
      role="menu"
      aria-label={t('search.menu.label')}
      style={place}
      data-testid="cell-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') return onClose();
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        e.preventDefault();
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      }}
    >
      <button type="button" role="menuitem" onClick={act(() => onFilter(request.field, request.value, false))} data-testid="cell-filter-in">
        {t('search.menu.filterIn', { value: shown })}
      </button>
      <button type="button" role="menuitem" onClick={act(() => onFilter(request.field, request.value, true))} data-testid="cell-filter-out">
        {t('search.menu.filterOut', { value: shown })}
      </button>
      <button type="button" role="menuitem" onClick={act(() => void navigator.clipboard?.writeText(text))} data-testid="cell-copy">
        {t('search.menu.copy')}
      </button>
      {request.eventId !== undefined && (
        <button
          type="button"
          role="menuitem"
          onClick={act(() => requestPivotMenu({ eventId: request.eventId!, x: request.x, y: request.y }))}
          data-testid="cell-pivot"
        >
          {t('search.menu.pivot')}
        </button>
      )}
    </div>
  );
}
