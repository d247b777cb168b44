import { EVENT_CATEGORIES } from '../../contracts';
import { formatCount } from '../../lib/format-number';

interface Props {
  text: string;
  category: string;
  count: number | null;
  error: string | null;
  onText(text: string): void;
  onCategory(category: string): void;
}

export function FilterBar({ text, category, count, error, onText, onCategory }: Props) {
  return (
    <div className="filter-bar" role="search">
      <input
        type="search"
        className="filter-text"
        placeholder="Filter: host, user, process, command line, URL, message…"
        aria-label="Filter text"
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
        data-testid="timeline-filter-text"
        spellCheck={false}
      />
      <select
        aria-label="Category"
        value={category}
        onChange={(e) => onCategory(e.currentTarget.value)}
        data-testid="timeline-filter-category"
      >
        <option value="">All categories</option>
        {EVENT_CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <span className="filter-count">
        <span data-testid="timeline-count" data-count={count ?? undefined}>
          {count === null ? '…' : formatCount(count)}
        </span>{' '}
        events
      </span>
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
