import { useT } from '../../i18n';
import { requestPivotMenu } from './pivot-commands';
import './strings';

/** "Pivot…" beside the event detail's heading: the same menu as a right-click on its row. */
export function PivotButton({ eventId }: { eventId: number }) {
  const t = useT();
  return (
    <button
      type="button"
      className="pivot-button"
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        requestPivotMenu({ eventId, x: r.left - 200, y: r.bottom + 4 });
      }}
      data-testid="detail-pivot"
    >
      {t('pivots.button')}
    </button>
  );
}
