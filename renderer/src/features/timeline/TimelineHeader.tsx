import type { Ref } from 'react';
import { TIMELINE_COLUMNS } from './timeline-columns';

export function TimelineHeader({ ref }: { ref: Ref<HTMLDivElement> }) {
  return (
    <div className="tl-header" role="row" aria-rowindex={1} ref={ref}>
      {TIMELINE_COLUMNS.map((column) => (
        <div key={column.id} role="columnheader" className={`tl-cell tl-col-${column.id}`}>
          {column.label}
        </div>
      ))}
    </div>
  );
}
