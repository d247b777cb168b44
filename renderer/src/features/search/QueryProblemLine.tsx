import { registeredKeys, useLang, useT } from '../../i18n';
import { revealInvisibles } from '../../lib/reveal-invisibles';
import type { QueryProblem } from './use-search';

/** The engine's reason and the query with the place it stopped reading marked. */
export function QueryProblemLine({ problem }: { problem: QueryProblem }) {
  const t = useT();
  const { lang } = useLang();
  const key = `search.err.${problem.code ?? ''}`;
  const message = problem.code && registeredKeys(lang).includes(key) ? t(key, problem.vars) : problem.message;
  const at = Math.max(0, Math.min(problem.column - 1, problem.text.length));
  return (
    <div className="query-problem" role="alert" data-testid="query-error" data-column={problem.column}>
      <span>{t('search.error', { column: problem.column, message })}</span>
      <code className="query-problem-text">
        {revealInvisibles(problem.text.slice(0, at))}
        <mark>{revealInvisibles(problem.text.slice(at, at + 1) || ' ')}</mark>
        {revealInvisibles(problem.text.slice(at + 1))}
      </code>
    </div>
  );
}
