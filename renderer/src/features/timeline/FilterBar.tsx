import { EVENT_CATEGORIES } from '../../contracts';
import { formatCount } from '../../lib/format-number';
import { useT } from '../../i18n';
import './strings';

interface Props {
  text: string;
  category: string;
  count: number | null;
  error: string | null;
  onText(text: string): void;
  onCategory(category: string): void;
}

export function FilterBar({ text, category, count, error, onText, onCategory }: Props) {
  const t = useT();
  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        className="filter-text"
        placeholder={t('timeline.filterPlaceholder')}
        aria-label={t('timeline.filterText')}
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
        data-testid="timeline-filter-text"
        spellCheck={false}
      />
      <select
        aria-label={t('timeline.category')}
        value={category}
        onChange={(e) => onCategory(e.currentTarget.value)}
        data-testid="timeline-filter-category"
      >
        <option value="">{t('timeline.allCategories')}</option>
        {EVENT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <span className="filter-count">
        <span data-testid="timeline-count" data-count={count ?? undefined}>
          {count === null ? '…' : t('timeline.count', { count: formatCount(count) })}
        </span>
      </span>
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
