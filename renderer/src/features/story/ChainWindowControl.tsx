import { useState } from 'react';
import { useT } from '../../i18n';
import { MAX_CHAIN_WINDOW_HOURS, parseChainWindow } from './chain-window';
import './strings';

interface Props {
  hours: number;
  onHours(hours: number): void;
  disabled?: boolean;
}

/**
 * The chain window of the next detection run, in hours. What is typed is kept as typed until it
 * is a usable window (a number above 0, at most a year); only then does it replace the remembered one.
 */
export function ChainWindowControl({ hours, onHours, disabled }: Props) {
  const t = useT();
  const [text, setText] = useState(String(hours));
  const valid = parseChainWindow(text) !== null;
  return (
    <label className="chain-window" title={t('story.chainWindowHelp', { max: MAX_CHAIN_WINDOW_HOURS })}>
      <span>{t('story.chainWindow')}</span>
      <input
        type="text"
        inputMode="decimal"
        size={5}
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : 'chain-window-problem'}
        data-testid="chain-window"
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = parseChainWindow(next);
          if (parsed !== null) onHours(parsed);
        }}
      />
      <span>{t('story.hours')}</span>
      {!valid && (
        <span id="chain-window-problem" className="error-text" role="alert" data-testid="chain-window-problem">
          {t('story.chainWindowInvalid', { max: MAX_CHAIN_WINDOW_HOURS })}
        </span>
      )}
    </label>
  );
}
