import './assist.css';
import './strings';
import { useCallback, useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import type { AskResult } from '../../contracts';
import { useLang, useT } from '../../i18n';
import { useInvestigation } from '../pivots/investigation';
import { AskAnswer } from './AskAnswer';
import { AskTimelineLine } from './AskTimelineLine';
import { TriagePanel } from './TriagePanel';
import { EXAMPLES } from './strings';

// The ask box: a question in Japanese or English becomes SQL the analyst sees (and may edit),
// runs read-only, and answers with rows that open the events they cite.
interface Props {
  readOnly: boolean;
  selectedId: number | null;
  onSelect(id: number): void;
  /** Opens the answer's query in the timeline's query bar. */
  onTimeline(query: string): void;
}

export function AskView({ readOnly, selectedId, onSelect, onTimeline }: Props) {
  const t = useT();
  const { lang } = useLang();
  const client = useClient();
  const [question, setQuestion] = useState('');
  const [sql, setSql] = useState('');
  const [result, setResult] = useState<AskResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const history = useEngineCall('assist.history', {}, asked);
  const { clearPivot, setRange } = useInvestigation();

  const take = useCallback((r: AskResult) => {
    setResult(r);
    setSql(r.ok ? r.answer.sql : (r.sql ?? ''));
    setAsked((n) => n + 1);
  }, []);

  const ask = useCallback(
    (q: string) => {
      if (!q.trim()) return;
      setQuestion(q);
      setBusy(true);
      setError(null);
      client
        .call('assist.ask', { question: q, lang: /[\u3040-\u30ff\u4e00-\u9fff]/.test(q) ? 'ja' : lang })
        .then(take, (err: unknown) => setError(errorMessage(err)))
        .finally(() => setBusy(false));
    },
    [client, lang, take],
  );

  const runEdited = useCallback(() => {
    setBusy(true);
    setError(null);
    client
      .call('assist.run', { question, sql })
      .then(take, (err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  }, [client, question, sql, take]);

  return (
    <section className="view-panel assist" aria-label={t('assist.title')} data-testid="assist">
      <form
        className="assist-form"
        onSubmit={(e) => {
          e.preventDefault();
          ask(question);
        }}
      >
        <input
          type="text"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          placeholder={t('assist.placeholder')}
          aria-label={t('assist.title')}
          data-testid="assist-question"
        />
        <button type="submit" className="primary" disabled={busy || !question.trim()} data-testid="assist-ask">
          {busy ? t('assist.asking') : t('assist.ask')}
        </button>
      </form>
      <div className="assist-examples">
        <span className="muted">{t('assist.examples')}:</span>
        {EXAMPLES.map((q) => (
          <button key={q} type="button" className="link-button" onClick={() => ask(q)} data-testid="assist-example">
            {q}
          </button>
        ))}
      </div>
      {readOnly && <p className="muted">{t('assist.readOnly')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {result && !result.ok && (
        <div className="assist-refusal" role="alert" data-testid="assist-refusal">
          <strong>{t('assist.refused')}:</strong> {result.refusal.problem}
          {result.refusal.suggestion && <p className="muted">{result.refusal.suggestion}</p>}
        </div>
      )}
      {(sql || result) && (
        <div className="assist-sql">
          <label htmlFor="assist-sql">{t('assist.sql')}</label>
          <textarea id="assist-sql" value={sql} onChange={(e) => setSql(e.target.value)} rows={Math.min(14, sql.split('\n').length + 1)} spellCheck={false} data-testid="assist-sql" />
          <button type="button" onClick={runEdited} disabled={busy || !sql.trim()} data-testid="assist-run-edited">
            {t('assist.runEdited')}
          </button>
          {result?.ok && (
            <AskTimelineLine
              answer={result.answer}
              onOpen={(query) => {
                // Only the answer's query: a pivot or histogram range in force would show other rows.
                clearPivot();
                setRange(null);
                onTimeline(query);
              }}
            />
          )}
        </div>
      )}
      {result?.ok && <AskAnswer answer={result.answer} selectedId={selectedId} onSelect={onSelect} />}
      <TriagePanel readOnly={readOnly} selectedId={selectedId} onSelect={onSelect} />
      <details className="assist-history" data-testid="assist-history">
        <summary>{t('assist.history')}</summary>
        {history.value?.length ? (
          <ul>
            {history.value.map((h) => (
              <li key={h.custody_id}>
                <button type="button" className="link-button" onClick={() => ask(h.question)}>
                  {h.question}
                </button>{' '}
                <span className="muted">
                  {h.time} · {h.examiner} · {h.engine} · {t('assist.rows', { n: h.rows })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('assist.historyEmpty')}</p>
        )}
      </details>
    </section>
  );
}
