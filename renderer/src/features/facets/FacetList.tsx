import type { Facet, FacetValue } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import { revealInvisibles } from '../../lib/reveal-invisibles';

interface Props {
  facet: Facet;
  mode: 'top' | 'rare';
  onFilter(field: string, value: string | number | null, negate: boolean): void;
}

/** One field's values with counts and a bar; click filters in, Alt+click or right-click out. */
export function FacetList({ facet, mode, onFilter }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const values = mode === 'top' ? facet.top : facet.rare;
  const max = Math.max(1, ...values.map((v) => v.count));
  const fieldLabel = t(`facets.field.${facet.field}`);
  const shown = (v: FacetValue) => (v.value === null || v.value === '' ? t('facets.none') : revealInvisibles(String(v.value)));
  return (
    <section className="facet" data-testid="facet" data-field={facet.field}>
      <h4 className="facet-title">
        <span>{fieldLabel}</span>
        <span className="muted small">{t('facets.distinct', { count: number(facet.distinct) })}</span>
      </h4>
      <ul>
        {values.map((v) => (
          <li key={`${String(v.value)}`}>
            <button
              type="button"
              className="facet-value"
              title={t('facets.filterIn', { field: fieldLabel, value: shown(v), count: number(v.count) })}
              data-testid="facet-value"
              data-value={v.value === null ? '' : String(v.value)}
              data-count={v.count}
              onClick={(e) => onFilter(facet.field, v.value, e.altKey)}
              onContextMenu={(e) => {
                e.preventDefault();
                onFilter(facet.field, v.value, true);
              }}
            >
              <span className="facet-bar" style={{ width: `${(v.count / max) * 100}%` }} aria-hidden="true" />
              <span className="facet-name">{shown(v)}</span>
              <span className="facet-count">{number(v.count)}</span>
            </button>
            <button
              type="button"
              className="facet-out"
              aria-label={t('facets.filterOut', { field: fieldLabel, value: shown(v) })}
              title={t('facets.filterOut', { field: fieldLabel, value: shown(v) })}
              data-testid="facet-out"
              onClick={() => onFilter(facet.field, v.value, true)}
            >
              −
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
