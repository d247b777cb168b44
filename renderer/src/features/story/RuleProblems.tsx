import type { RuleProblem } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

/** Rules (and IOC files) that could not be used: reported, never silently skipped. */
export function RuleProblems({ problems }: { problems: RuleProblem[] }) {
  const t = useT();
  const say = useEngineText();
  if (problems.length === 0) return null;
  return (
    <details className="rule-problems" data-testid="rule-problems">
      <summary>
        {t('story.problems', { count: problems.length })}
      </summary>
      <ul className="plain-list">
        {problems.map((p, i) => (
          <li key={i}>
            <span className="mono">{displayValue(p.file)}</span>
            {p.rule && <> · {displayValue(p.rule)}</>}: {displayValue(say(p.message_code, p.message))}
          </li>
        ))}
      </ul>
    </details>
  );
}
