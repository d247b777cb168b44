import type { Finding, ReviewVerdict, Severity } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useEngineText } from '../engine-text/use-engine-text';
import { EventLinks } from './EventLinks';
import { FindingReviewButtons } from './FindingReviewButtons';
import { useT } from '../../i18n';
import './strings';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, informational: 4 };

interface Props {
  findings: Finding[];
  readOnly: boolean;
  busy: boolean;
  selectedId: number | null;
  onSelect(eventId: number): void;
  onReview(findingId: string, verdict: ReviewVerdict, comment: string): Promise<void>;
}

/** Every finding, most severe first, with why it fired (decoded payloads as text) and its review. */
export function FindingList({ findings, readOnly, busy, selectedId, onSelect, onReview }: Props) {
  const say = useEngineText();
  const t = useT();
  const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.time.localeCompare(b.time));
  if (sorted.length === 0) return <p className="muted">{t('story.noFindings')}</p>;
  return (
    <ol className="finding-list" data-testid="finding-list">
      {sorted.map((f) => (
        <li
          key={f.id}
          className={f.review?.verdict === 'dismissed' ? 'finding dismissed' : 'finding'}
          data-testid="finding"
          data-finding-id={f.id}
          data-rule={f.rule}
          data-host={f.host ?? f.src_ip ?? ''}
        >
          <div className="finding-head">
            <span className={`severity severity-${f.severity}`} data-testid="finding-severity">
              {t(`story.severity.${f.severity}`)}
            </span>
            <strong className="finding-title">{displayValue(say(f.title_code, f.title))}</strong>
            <span className={`stage-badge stage-${f.stage}`}>{t(`story.stage.${f.stage}`)}</span>
            {f.attack.map((id) => (
              <span key={id} className="attack-id mono" title={t('story.attack')}>
                {id}
              </span>
            ))}
          </div>
          <div className="finding-meta muted">
            {displayValue(f.host ?? f.src_ip ?? null) || t('story.noHost')}
            {f.user && ` · ${displayValue(f.user)}`} · <span className="mono">{f.time}</span> · {t('story.rule')} <span className="mono">{displayValue(f.rule)}</span>
          </div>
          {f.reasons.length > 0 && (
            <ul className="finding-reasons">
              {f.reasons.map((r, i) => (
                <li key={i}>
                  <pre className="reason-text">{displayValue(say(f.reason_codes?.[i], r), true)}</pre>
                </li>
              ))}
            </ul>
          )}
          <div>
            {t('story.events')} <EventLinks ids={f.event_ids} selectedId={selectedId} onSelect={onSelect} />
          </div>
          <FindingReviewButtons finding={f} readOnly={readOnly} busy={busy} onReview={(verdict, comment) => onReview(f.id, verdict, comment)} />
        </li>
      ))}
    </ol>
  );
}
