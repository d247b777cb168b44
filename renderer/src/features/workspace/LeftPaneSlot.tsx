import { useT } from '../../i18n';
import './strings';

/**
 * The left pane's place for facets and saved searches. The search feature renders its facets
 * here (replace this component's body); until then the pane says what it is for.
 */
export function LeftPaneSlot() {
  const t = useT();
  return (
    <div className="left-pane-slot" data-testid="left-pane-slot">
      <h3>{t('workspace.facets')}</h3>
    </div>
  );
}
