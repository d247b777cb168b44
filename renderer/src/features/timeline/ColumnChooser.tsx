import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { hiddenColumns, hide, move, show, togglePin, visibleColumns, type ColumnLayout } from './column-layout';
import type { SourceFamily } from './source-family';
import './strings';

interface Props {
  family: SourceFamily;
  layout: ColumnLayout;
  onLayout(next: ColumnLayout): void;
  onReset(): void;
}

/** The column chooser: show or hide each column, pin it to the left, move it up or down. */
export function ColumnChooser({ family, layout, onLayout, onReset }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent) => {
      if (!panel.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    // Esc closes the chooser wherever focus is (before the workspace's own Esc handling).
    const escape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', escape, true);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', escape, true);
    };
  }, [open]);

  const visible = visibleColumns(layout);
  return (
    <span className="column-chooser">
      <button
        type="button"
        className="small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="column-chooser-toggle"
      >
        {t('timeline.columns')}
      </button>
      {open && (
        <div
          ref={panel}
          className="column-chooser-panel"
          role="dialog"
          aria-label={t('timeline.columns')}
          data-testid="column-chooser"
        >
          <p className="muted small-text">{t('timeline.layoutFor', { family: t(`timeline.family.${family}`) })}</p>
          <ul className="column-chooser-list">
            {visible.map((c, i) => {
              const label = t(`timeline.col.${c.id}`);
              return (
                <li key={c.id} data-testid="column-chooser-item" data-column={c.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked
                      disabled={visible.length === 1}
                      onChange={() => onLayout(hide(layout, c.id))}
                      data-testid={`column-toggle-${c.id}`}
                    />{' '}
                    {label}
                  </label>
                  <span className="column-chooser-actions">
                    <button
                      type="button"
                      className="small"
                      aria-pressed={layout.pinned.includes(c.id)}
                      onClick={() => onLayout(togglePin(layout, c.id))}
                      title={t('timeline.pin', { column: label })}
                      data-testid={`column-pin-${c.id}`}
                    >
                      {t('timeline.pinShort')}
                    </button>
                    <button type="button" className="small" disabled={i === 0} onClick={() => onLayout(move(layout, c.id, -1))} aria-label={t('timeline.moveUp', { column: label })}>
                      ↑
                    </button>
                    <button type="button" className="small" disabled={i === visible.length - 1} onClick={() => onLayout(move(layout, c.id, 1))} aria-label={t('timeline.moveDown', { column: label })}>
                      ↓
                    </button>
                  </span>
                </li>
              );
            })}
            {hiddenColumns(layout).map((c) => (
              <li key={c.id} data-testid="column-chooser-item" data-column={c.id}>
                <label>
                  <input type="checkbox" checked={false} onChange={() => onLayout(show(layout, c.id))} data-testid={`column-toggle-${c.id}`} />{' '}
                  {t(`timeline.col.${c.id}`)}
                </label>
              </li>
            ))}
          </ul>
          <p className="muted small-text">{t('timeline.columnKeys')}</p>
          <button type="button" className="small" onClick={onReset} data-testid="column-reset">
            {t('timeline.resetColumns')}
          </button>
        </div>
      )}
    </span>
  );
}
