import { useState, type ReactNode } from 'react';
import { useEngineCall } from '../../client/use-engine-call';
import type { EventFilter } from '../../contracts';
import { useT } from '../../i18n';
import { FacetList } from './FacetList';
import './facets.css';
import './strings';

interface Props {
  filter: EventFilter | undefined;
  version: number;
  onFilter(field: string, value: string | number | null, negate: boolean): void;
  /** Shown below the facets (saved searches). */
  children?: ReactNode;
}

const LIMIT = 8;

/** The left pane: counts per value for the current query (top or rare), collapsible. */
export function FacetPane({ filter, version, onFilter, children }: Props) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const [mode, setMode] = useState<'top' | 'rare'>('top');
  const { value, loading, error } = useEngineCall('facets.counts', open ? { ...(filter ? { filter } : {}), limit: LIMIT } : null, version);

  if (!open) {
    return (
      <aside className="facet-pane collapsed">
        <button type="button" className="pane-toggle" onClick={() => setOpen(true)} aria-label={t('facets.expand')} title={t('facets.expand')} data-testid="facets-expand">
          ›
        </button>
      </aside>
    );
  }
  return (
    <aside className="facet-pane" aria-label={t('facets.title')} data-testid="facet-pane" aria-busy={loading}>
      <header className="facet-head">
        <h3 className="pane-title">{t('facets.title')}</h3>
        <div className="facet-mode" role="radiogroup" aria-label={t('facets.modeLabel')}>
          {(['top', 'rare'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} className={mode === m ? 'on' : ''} onClick={() => setMode(m)} data-testid={`facets-${m}`}>
              {t(`facets.${m}`)}
            </button>
          ))}
        </div>
        <button type="button" className="pane-toggle" onClick={() => setOpen(false)} aria-label={t('facets.collapse')} title={t('facets.collapse')} data-testid="facets-collapse">
          ‹
        </button>
      </header>
      {/* Only this part scrolls: the header with the mode switch stays in view. */}
      <div className="facet-scroll">
        <p className="muted small facet-hint">{t('facets.hint')}</p>
        {error && <p className="error-text" role="alert">{error}</p>}
        {!value && loading && <p className="muted small">{t('facets.loading')}</p>}
        <div className="facet-lists" data-testid="facet-lists" data-elapsed-ms={value?.elapsedMs}>
          {value?.facets.map((f) => <FacetList key={f.field} facet={f} mode={mode} onFilter={onFilter} />)}
        </div>
        {children}
      </div>
    </aside>
  );
}
