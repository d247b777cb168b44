import type { Ref } from 'react';
import { TIMELINE_COLUMNS } from './timeline-columns';
import { useT } from '../../i18n';
import './strings';

export function TimelineHeader({ ref }: { ref: Ref<HTMLDivElement> }) {
  const t = useT();
  return (
    <div className="tl-header" role="row" aria-rowindex={1} ref={ref}>
      {TIMELINE_COLUMNS.map((column) => (
        <div key={column.id} role="columnheader" className={`tl-cell tl-col-${column.id}`}>
          {t(`timeline.col.${column.id}`)}
        </div>
      ))}
    </div>
  );
}
