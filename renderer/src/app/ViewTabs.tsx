import { TabBar } from '../components/TabBar';

export type WorkbenchView = 'timeline' | 'incident' | 'assist' | 'bookmarks' | 'custody' | 'case';

const VIEWS: { id: WorkbenchView; label: string }[] = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'incident', label: 'Incident' },
  { id: 'assist', label: 'Ask' },
  { id: 'bookmarks', label: 'Bookmarks' },
  { id: 'custody', label: 'Custody log' },
  { id: 'case', label: 'Case details' },
];

/** Switches the main area; the event detail panel stays beside every view. */
export function ViewTabs({ view, onView }: { view: WorkbenchView; onView(view: WorkbenchView): void }) {
  return <TabBar tabs={VIEWS} value={view} onChange={onView} testIdPrefix="tab-" />;
}
