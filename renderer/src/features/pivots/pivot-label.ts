import type { Translate } from '../../i18n';
import type { PivotOption } from '../../contracts';

/** The pivot's name in the UI ("Same host ±5 min"), with its values shown separately. */
export function pivotLabel(t: Translate, option: PivotOption, minutes: number): string {
  if (option.kind === 'host-time') return t('pivots.kind.host-time', { n: minutes });
  if (option.kind === 'destination') return t(`pivots.kind.destination.${option.field}`);
  return t(`pivots.kind.${option.kind}`);
}
