import type { PivotOption } from '../../contracts';
import { useInvestigation } from './investigation';
import { NeighbourLines } from './NeighbourLines';
import { PivotOptionList } from './PivotOptionList';

/** The side panel's Pivots tab: the event's pivots, then the lines around it in its file. */
export function PivotPanel({ eventId, onSelect }: { eventId: number; onSelect(id: number): void }) {
  const inv = useInvestigation();
  return (
    <div className="pivot-panel" data-testid="pivot-panel">
      <PivotOptionList eventId={eventId} onApply={(o: PivotOption, label: string) => inv.applyPivot(o, label)} />
      <NeighbourLines eventId={eventId} onSelect={onSelect} />
    </div>
  );
}
