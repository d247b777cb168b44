import { useEngineCall } from '../../client/use-engine-call';
import { describeChoices, choiceProblem } from './intake-choices';
import { IntakeChoiceFields } from './IntakeChoiceFields';
import { IntakeReviewDialog } from './IntakeReviewDialog';
import type { IntakeOptions as Options } from './use-intake-options';
import { useT } from '../../i18n';
import './strings';

interface Props {
  intake: Options;
  caseZone: string;
}

/**
 * How the next files are read: zone for zone-less timestamps (default: the case's), encoding,
 * format and base year (default: detected). With "review" on, each dropped file waits in a
 * dialog where its own options can be set before its ingest starts.
 */
export function IntakeOptions({ intake, caseZone }: Props) {
  const t = useT();
  const { value: formats } = useEngineCall('formats.list', {});
  const problem = choiceProblem(intake.defaults, t);
  return (
    <>
      <details className="acquisition-form intake-options" data-testid="intake-options">
        <summary>
          {t('intake.optionsSummary')}{' '}
          <span className="muted" data-testid="intake-options-summary">
            {describeChoices(intake.defaults, t)}
            {intake.review ? t('intake.reviewEach') : ''}
          </span>
        </summary>
        <IntakeChoiceFields
          value={intake.defaults}
          onChange={intake.setDefaults}
          caseZone={caseZone}
          formats={formats ?? []}
          testId="intake-default"
        />
        {problem && (
          <p className="error-text" role="alert">
            {t('intake.refused', { problem })}
          </p>
        )}
        <label className="intake-review-toggle">
          <input
            type="checkbox"
            checked={intake.review}
            onChange={(e) => intake.setReview(e.currentTarget.checked)}
            data-testid="intake-review-toggle"
          />
          {t('intake.reviewToggle')}
        </label>
      </details>
      {intake.pending && (
        <IntakeReviewDialog
          files={intake.pending}
          caseZone={caseZone}
          formats={formats ?? []}
          onConfirm={intake.confirm}
          onCancel={intake.cancel}
        />
      )}
    </>
  );
}
