import { TabBar } from '../components/TabBar';
import { useT } from '../i18n';
import './strings';

export type WorkbenchView = 'timeline' | 'incident' | 'assist' | 'bookmarks' | 'custody' | 'case' | 'evidence';

const VIEWS: readonly WorkbenchView[] = ['timeline', 'incident', 'assist', 'bookmarks', 'custody', 'case', 'evidence'];

/** Switches the main area; the event detail panel stays beside every view. */
export function ViewTabs({ view, onView }: { view: WorkbenchView; onView(view: WorkbenchView): void }) {
  const t = useT();
  const tabs = VIEWS.map((id) => ({ id, label: t(`app.view.${id}`) }));
  return <TabBar tabs={tabs} value={view} onChange={onView} testIdPrefix="tab-" />;
}
