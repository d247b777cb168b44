import { useState } from 'react';
import type { Finding, ReviewVerdict } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

interface Props {
  finding: Finding;
  readOnly: boolean;
  busy: boolean;
  onReview(verdict: ReviewVerdict, comment: string): Promise<void>;
}

/** Confirm or dismiss a finding, with an optional comment; who reviewed it and when, once done. */
export function FindingReviewButtons({ finding, readOnly, busy, onReview }: Props) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const review = finding.review;
  const submit = (verdict: ReviewVerdict) => {
    setSaving(true);
    void onReview(verdict, comment).finally(() => {
      setSaving(false);
      setComment('');
    });
  };
  return (
    <div className="finding-review" data-testid="finding-review">
      {review && (
        <p className={`review-status ${review.verdict}`} data-testid="review-status" data-verdict={review.verdict}>
          {t(review.verdict === 'confirmed' ? 'story.confirmedBy' : 'story.dismissedBy', { examiner: displayValue(review.examiner) })} <span className="mono">{review.time}</span>
          {review.comment && <span className="review-comment">: “{displayValue(review.comment)}”</span>}
        </p>
      )}
      {!readOnly && (
        <div className="review-form">
          <input
            type="text"
            placeholder={t('story.commentPlaceholder')}
            value={comment}
            maxLength={4096}
            onChange={(e) => setComment(e.currentTarget.value)}
            aria-label={t('story.commentFor', { title: finding.title })}
            data-testid="review-comment"
          />
          <button type="button" className="small" disabled={busy || saving || review?.verdict === 'confirmed'} onClick={() => submit('confirmed')} data-testid="review-confirm">
            {t('story.confirm')}
          </button>
          <button type="button" className="small" disabled={busy || saving || review?.verdict === 'dismissed'} onClick={() => submit('dismissed')} data-testid="review-dismiss">
            {t('story.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
