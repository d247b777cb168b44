import { useCallback, useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import type { AcceptedSummary, TriageSummary } from '../../contracts';
import { useLang, useT } from '../../i18n';

// A draft narrative of the incident from detection; each sentence's events open in the detail
// panel, uncorroborated ones are flagged; accepting it records a custody entry and puts it in
// the PDF's executive summary.
interface Props {
  readOnly: boolean;
  selectedId: number | null;
  onSelect(id: number): void;
}

export function TriagePanel({ readOnly, selectedId, onSelect }: Props) {
  const t = useT();
  const { lang } = useLang();
  const client = useClient();
  const [draft, setDraft] = useState<TriageSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(0);
  const current = useEngineCall('assist.acceptedSummary', {}, accepted);

  const make = useCallback(() => {
    setBusy(true);
    setError(null);
    client
      .call('assist.summary', { lang })
      .then(setDraft, (err: unknown) => setError(errorMessage(err)))
      .finally(() => setBusy(false));
  }, [client, lang]);

  const accept = useCallback(() => {
    if (!draft) return;
    client.call('assist.acceptSummary', { summary: draft }).then(
      () => setAccepted((n) => n + 1),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [client, draft]);

  const shown: TriageSummary | AcceptedSummary | null | undefined = draft ?? current.value;
  return (
    <details className="assist-triage" data-testid="assist-triage">
      <summary>{t('assist.summary')}</summary>
      <button type="button" onClick={make} disabled={busy} data-testid="assist-summary-draft">
        {t('assist.summaryDraft')}
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <div>
          <ul>
            {shown.sentences.map((s, i) => (
              <li key={i} className={s.uncorroborated ? 'uncorroborated' : undefined}>
                {s.text}{' '}
                {s.event_ids.slice(0, 10).map((id) => (
                  <button key={id} type="button" className={id === selectedId ? 'link-button selected' : 'link-button'} onClick={() => onSelect(id)}>
                    #{id}
                  </button>
                ))}
                {s.uncorroborated && <em className="muted"> ({t('assist.uncorroborated')})</em>}
              </li>
            ))}
          </ul>
          <p>
            <strong>{t('assist.severity', { severity: shown.severity })}</strong> — {shown.severity_reasons.join(lang === 'ja' ? '、' : '; ')}
          </p>
          <p className="muted">{t('assist.unknowns')}:</p>
          <ul>
            {shown.unknowns.map((u, i) => (
              <li key={i}>{u}</li>
            ))}
          </ul>
          {draft && !readOnly && (
            <button type="button" className="primary" onClick={accept} data-testid="assist-summary-accept">
              {t('assist.summaryAccept')}
            </button>
          )}
          {current.value && !draft && <p className="muted">{t('assist.summaryAccepted', { who: current.value.examiner, when: current.value.accepted_at })}</p>}
        </div>
      )}
    </details>
  );
}
