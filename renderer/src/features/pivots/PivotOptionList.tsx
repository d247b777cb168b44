import { useState } from 'react';
import { useEngineCall } from '../../client/use-engine-call';
import type { PivotOption } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { pivotLabel } from './pivot-label';
import './strings';

interface Props {
  eventId: number;
  onApply(option: PivotOption, label: string): void;
  /** Focus the first option when shown (the menu opened by keyboard). */
  autoFocus?: boolean;
}

/** The pivots of one event with what each matches; choosing one filters the timeline. */
export function PivotOptionList({ eventId, onApply, autoFocus }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const [minutes, setMinutes] = useState(5);
  const { value, error, loading } = useEngineCall('pivot.options', { eventId, minutes });
  const current = value && value.eventId === eventId ? value : undefined;
  return (
    <div className="pivot-options" data-testid="pivot-options">
      <label className="pivot-minutes">
        {t('pivots.minutes')}
        <input
          type="number"
          min={1}
          max={10080}
          value={minutes}
          onChange={(e) => setMinutes(Math.max(1, Number(e.currentTarget.value) || 5))}
          data-testid="pivot-minutes"
        />
      </label>
      {error && <p className="error-text" role="alert">{error}</p>}
      {!current && loading && <p className="muted">{t('pivots.loading')}</p>}
      {current && current.options.length === 0 && <p className="muted">{t('pivots.none')}</p>}
      <ul role="menu" aria-busy={loading}>
        {current?.options.map((o, i) => {
          const label = pivotLabel(t, o, current.minutes);
          return (
            <li key={`${o.kind}-${o.field}`} role="none">
              <button
                type="button"
                role="menuitem"
                className="pivot-option"
                autoFocus={autoFocus && i === 0}
                onClick={() => onApply(o, label)}
                data-testid={`pivot-${o.kind}${o.kind === 'destination' ? `-${o.field}` : ''}`}
                data-count={o.count}
              >
                <span className="pivot-name">{label}</span>
                <span className="pivot-values mono">{o.values.map((v) => displayValue(v)).join(' · ')}</span>
                <span className="pivot-count">{t('pivots.count', { count: number(o.count), hosts: number(o.hosts) })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
