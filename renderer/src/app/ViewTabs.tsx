export type WorkbenchView = 'timeline' | 'incident' | 'bookmarks' | 'custody' | 'case';

const VIEWS: { id: WorkbenchView; label: string }[] = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'incident', label: 'Incident' },
  { id: 'bookmarks', label: 'Bookmarks' },
  { id: 'custody', label: 'Custody log' },
  { id: 'case', label: 'Case details' },
];

/** Switches the main area; the event detail panel stays beside every view. */
export function ViewTabs({ view, onView }: { view: WorkbenchView; onView(view: WorkbenchView): void }) {
  return (
    <nav className="view-tabs" role="tablist">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          aria-selected={view === v.id}
          className={view === v.id ? 'tab active' : 'tab'}
          onClick={() => onView(v.id)}
          data-testid={`tab-${v.id}`}
        >
          {v.label}
        </button>
      ))}
    </nav>
  );
}
