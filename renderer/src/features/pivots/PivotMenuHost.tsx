import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useT } from '../../i18n';
import type { PivotOption } from '../../contracts';
import { useInvestigation, type SideTab } from './investigation';
import { PIVOT_MENU_EVENT, type PivotMenuRequest } from './pivot-commands';
import { PivotOptionList } from './PivotOptionList';
import './pivots.css';
import './strings';

interface Props {
  onSelect(eventId: number): void;
}

const MENU_WIDTH = 360;

/**
 * The pivot menu: opened by right-clicking a timeline row (unless another menu already took
 * the click) or by requestPivotMenu (the keyboard's `p`). Esc or a click outside closes it.
 */
export function PivotMenuHost({ onSelect }: Props) {
  const t = useT();
  const inv = useInvestigation();
  const [open, setOpen] = useState<Required<PivotMenuRequest> | null>(null);
  const [byKeyboard, setByKeyboard] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onRequest = (e: Event) => {
      const r = (e as CustomEvent<PivotMenuRequest>).detail;
      const row = document.querySelector<HTMLElement>(`[data-testid="timeline-row"][data-event-id="${r.eventId}"]`)?.getBoundingClientRect();
      setByKeyboard(true);
      setOpen({ eventId: r.eventId, x: r.x ?? row?.left ?? 80, y: r.y ?? row?.bottom ?? 120 });
    };
    const onContext = (e: MouseEvent) => {
      if (e.defaultPrevented) return;
      const row = (e.target as Element | null)?.closest?.('[data-testid="timeline-row"]');
      const id = Number(row?.getAttribute('data-event-id'));
      if (!row || !Number.isInteger(id)) return;
      e.preventDefault();
      onSelect(id);
      setByKeyboard(false);
      setOpen({ eventId: id, x: e.clientX, y: e.clientY });
    };
    window.addEventListener(PIVOT_MENU_EVENT, onRequest);
    document.addEventListener('contextmenu', onContext);
    return () => {
      window.removeEventListener(PIVOT_MENU_EVENT, onRequest);
      document.removeEventListener('contextmenu', onContext);
    };
  }, [onSelect]);

  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    const onDown = (e: MouseEvent) => !menu.current?.contains(e.target as Node) && setOpen(null);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onDown);
    };
  }, [open]);

  const apply = useCallback(
    (option: PivotOption, label: string) => {
      inv.applyPivot(option, label);
      setOpen(null);
    },
    [inv],
  );
  const side = (tab: SideTab) => {
    if (!open) return;
    onSelect(open.eventId);
    inv.setSideTab(tab);
    setOpen(null);
  };

  if (!open) return null;
  // Kept inside the window whatever its size.
  const style: CSSProperties = {
    left: Math.max(4, Math.min(open.x, window.innerWidth - MENU_WIDTH - 8)),
    top: Math.max(4, Math.min(open.y, window.innerHeight - 420)),
    width: MENU_WIDTH,
  };
  return (
    <div ref={menu} className="pivot-menu" style={style} role="dialog" aria-label={t('pivots.menuTitle', { id: open.eventId })} data-testid="pivot-menu">
      <div className="pivot-menu-head">
        <strong>{t('pivots.menuTitle', { id: open.eventId })}</strong>
        <button type="button" className="chip-remove" aria-label={t('pivots.close')} onClick={() => setOpen(null)}>
          ×
        </button>
      </div>
      <PivotOptionList eventId={open.eventId} onApply={apply} autoFocus={byKeyboard} />
      <div className="pivot-menu-links">
        <button type="button" onClick={() => side('tree')} data-testid="pivot-open-tree">{t('pivots.tree')}</button>
        <button type="button" onClick={() => side('pivots')} data-testid="pivot-open-lines">{t('pivots.lines')}</button>
        <button type="button" onClick={() => side('host')} data-testid="pivot-open-host">{t('pivots.host')}</button>
      </div>
    </div>
  );
}
