interface Props<T extends string> {
  tabs: readonly { id: T; label: string }[];
  value: T;
  onChange(id: NoInfer<T>): void;
  /** Each tab's data-testid is this prefix plus its id. */
  testIdPrefix: string;
}

/** A row of tabs switching the main area (the workbench's views, the reviewer's views). */
export function TabBar<T extends string>({ tabs, value, onChange, testIdPrefix }: Props<T>) {
  return (
    <nav className="view-tabs" role="tablist">
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          aria-selected={value === t.id}
          className={value === t.id ? 'tab active' : 'tab'}
          onClick={() => onChange(t.id)}
          data-testid={`${testIdPrefix}${t.id}`}
          title={t.label}
        >
          {t.label}
        </button>
      ))}
    </nav>
  );
}
