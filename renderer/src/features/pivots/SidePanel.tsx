import type { ReactNode } from 'react';
import { TabBar } from '../../components/TabBar';
import { useEngineCall } from '../../client/use-engine-call';
import { useT } from '../../i18n';
import { HostPanel } from '../host/HostPanel';
import { ProcessTreePanel } from '../process-tree/ProcessTreePanel';
import { useInvestigation, type SideTab } from './investigation';
import { PivotPanel } from './PivotPanel';
import './pivots.css';
import './strings';

interface Props {
  eventId: number | null;
  /** The event detail panel (fields, original record, provenance, tags and comments). */
  detail: ReactNode;
  onSelect(id: number): void;
  onFilterHost(host: string): void;
}

/** The right pane: the selected event, its process tree, its pivots, its host. */
export function SidePanel({ eventId, detail, onSelect, onFilterHost }: Props) {
  const t = useT();
  const { sideTab, setSideTab } = useInvestigation();
  const tabs: { id: SideTab; label: string }[] = [
    { id: 'detail', label: t('pivots.tab.detail') },
    { id: 'tree', label: t('pivots.tab.tree') },
    { id: 'pivots', label: t('pivots.tab.pivots') },
    { id: 'host', label: t('pivots.tab.host') },
  ];
  // The host tab needs the event's host; the detail call is cached by the detail panel's too.
  const { value: event } = useEngineCall('events.detail', sideTab === 'host' && eventId !== null ? { id: eventId } : null);
  const host = event && Number(event.event.id) === eventId && event.event.host !== null ? String(event.event.host) : null;
  let body: ReactNode = detail;
  if (sideTab !== 'detail') {
    if (eventId === null) body = <p className="muted side-note">{t('pivots.selectFirst')}</p>;
    else if (sideTab === 'tree') body = <ProcessTreePanel eventId={eventId} onSelect={onSelect} />;
    else if (sideTab === 'pivots') body = <PivotPanel eventId={eventId} onSelect={onSelect} />;
    else body = <HostPanel host={host} onSelect={onSelect} onFilterHost={onFilterHost} />;
  }
  return (
    <div className="side-panel" data-testid="side-panel">
      <TabBar tabs={tabs} value={sideTab} onChange={setSideTab} testIdPrefix="side-" />
      <div className="side-body">{body}</div>
    </div>
  );
}
