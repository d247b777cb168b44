import { useState } from 'react';
import { useLocaleFormat, useT } from '../../i18n';
import { FtsBadge } from './FtsBadge';
import { QueryChip } from './QueryChip';
import { QueryProblemLine } from './QueryProblemLine';
import { SaveSearch } from './SaveSearch';
import type { SearchState } from './use-search';
import './search.css';
import './strings';

interface Props {
  search: SearchState;
  count: number | null;
  error: string | null;
  version: number;
  readOnly: boolean;
  onJumpToTime(time: string): void;
  onSaved(): void;
}

/** One input for the query; every clause in force as a chip; history, save, go to a time. */
export function QueryBar({ search, count, error, version, readOnly, onJumpToTime, onSaved }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const [text, setText] = useState('');
  const [time, setTime] = useState('');

  const submit = () => void search.addText(text).then((ok) => ok && setText(''));

  return (
    <div
      className="query-bar"
      role="search"
      onKeyDown={(e) => {
        if (!e.altKey) return;
        if (e.key === 'ArrowLeft' && search.canBack) search.back();
        else if (e.key === 'ArrowRight' && search.canForward) search.forward();
        else return;
        e.preventDefault();
      }}
    >
      <div className="query-row">
        <button type="button" className="query-nav" disabled={!search.canBack} onClick={search.back} title={t('search.backTitle')} aria-label={t('search.back')} data-testid="search-back">
          ←
        </button>
        <button type="button" className="query-nav" disabled={!search.canForward} onClick={search.forward} title={t('search.forwardTitle')} aria-label={t('search.forward')} data-testid="search-forward">
          →
        </button>
        <input
          type="search"
          className="query-input"
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          aria-invalid={search.problem !== null}
          value={text}
          spellCheck={false}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (search.problem) search.clearProblem();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              submit();
            }
          }}
          data-testid="query-input"
        />
        <button type="button" onClick={submit} data-testid="query-apply">
          {t('search.apply')}
        </button>
        <FtsBadge version={version} />
        <span className="query-count" data-testid="timeline-count" data-count={count ?? undefined}>
          {count === null ? t('search.counting') : t('search.count', { count: number(count) })}
        </span>
      </div>
      {search.problem && <QueryProblemLine problem={search.problem} />}
      {error && !search.problem && (
        <div className="query-problem" role="alert" data-testid="timeline-error">
          {error}
        </div>
      )}
      <div className="query-row">
        {search.chips.length > 0 && (
          <ul className="query-chips" aria-label={t('search.clauses')} data-testid="query-chips">
            {search.chips.map((chip) => (
              <QueryChip
                key={chip.id}
                chip={chip}
                onToggle={() => search.toggle(chip.id)}
                onInvert={() => search.invert(chip.id)}
                onRemove={() => search.remove(chip.id)}
                onEdit={(next) => search.editChip(chip.id, next)}
              />
            ))}
            <li>
              <button type="button" className="query-clear" onClick={search.clear} data-testid="query-clear">
                {t('search.clearAll')}
              </button>
            </li>
          </ul>
        )}
        <span className="query-spacer" />
        {!readOnly && <SaveSearch query={search.query} onSaved={onSaved} />}
        <form
          className="query-jump"
          onSubmit={(e) => {
            e.preventDefault();
            if (time.trim()) onJumpToTime(time.trim());
          }}
        >
          <input
            className="query-jump-input"
            aria-label={t('search.jump.label')}
            title={t('search.jump.label')}
            placeholder={t('search.jump.placeholder')}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            data-testid="jump-time"
          />
          <button type="submit" data-testid="jump-time-go">
            {t('search.jump.go')}
          </button>
        </form>
      </div>
    </div>
  );
}
