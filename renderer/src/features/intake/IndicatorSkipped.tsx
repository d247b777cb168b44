import type { IngestedIndicatorFile } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

/**
 * The entries of a dropped indicator file that were not kept as indicators: how many, and the
 * first few with their line and reason (in the UI's language; the values as the file wrote them).
 */
export function IndicatorSkipped({ indicator }: { indicator: IngestedIndicatorFile }) {
  const t = useT();
  const say = useEngineText();
  const { number } = useLocaleFormat();
  const unit = indicator.format === 'stix' || indicator.format === 'misp' ? 'intake.skippedObject' : 'intake.skippedLine';
  const first = indicator.skippedFirst ?? [];
  return (
    <details className="ingest-indicator-skipped" data-testid="ingest-indicator-skipped">
      <summary>{t('intake.indicatorSkipped', { count: number(indicator.skipped) })}</summary>
      <ul className="plain-list">
        {first.map((s, i) => (
          <li key={i}>
            {s.line !== null && <span className="muted">{t(unit, { n: s.line })} </span>}
            {displayValue(say(s.reason_code, s.reason))}
          </li>
        ))}
        {indicator.skipped > first.length && <li className="muted">{t('intake.skippedMore', { count: number(indicator.skipped - first.length) })}</li>}
      </ul>
    </details>
  );
}
