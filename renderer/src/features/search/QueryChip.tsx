import { useState } from 'react';
import { useT } from '../../i18n';
import { revealInvisibles } from '../../lib/reveal-invisibles';
import type { Chip } from './query-text';

interface Props {
  chip: Chip;
  onToggle(): void;
  onInvert(): void;
  onRemove(): void;
  onEdit(text: string): Promise<boolean>;
}

/** One active clause: switch it off, invert it, edit its text or remove it. */
export function QueryChip({ chip, onToggle, onInvert, onRemove, onEdit }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const className = ['query-chip', chip.enabled ? '' : 'off', chip.negated ? 'negated' : ''].filter(Boolean).join(' ');

  if (editing !== null) {
    return (
      <li className={className} data-testid="query-chip">
        <input
          className="query-chip-edit"
          aria-label={t('search.chip.edit')}
          value={editing}
          autoFocus
          spellCheck={false}
          onChange={(e) => setEditing(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(null);
            if (e.key === 'Enter') {
              e.preventDefault();
              void onEdit(editing).then((ok) => ok && setEditing(null));
            }
          }}
          onBlur={() => setEditing(null)}
          data-testid="query-chip-edit"
        />
      </li>
    );
  }
  return (
    <li className={className} data-testid="query-chip" data-negated={chip.negated} data-enabled={chip.enabled}>
      <input type="checkbox" checked={chip.enabled} onChange={onToggle} title={t('search.chip.toggle')} aria-label={t('search.chip.toggle')} data-testid="query-chip-toggle" />
      <button type="button" className="query-chip-text" onClick={() => setEditing(chip.text)} title={t('search.chip.edit')} data-testid="query-chip-text">
        {chip.negated && <span className="query-chip-not">{t('search.chip.not')} </span>}
        {revealInvisibles(chip.text)}
      </button>
      <button type="button" className="query-chip-btn" onClick={onInvert} title={t('search.chip.invert')} aria-label={t('search.chip.invert')} data-testid="query-chip-invert">
        ¬
      </button>
      <button type="button" className="query-chip-btn" onClick={onRemove} title={t('search.chip.remove')} aria-label={t('search.chip.remove')} data-testid="query-chip-remove">
        ×
      </button>
    </li>
  );
}
