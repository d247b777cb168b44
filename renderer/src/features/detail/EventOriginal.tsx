import { revealInvisibles } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import type { CodedText } from '../../contracts';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

interface Props {
  original: string | null;
  unavailableReason: string | undefined;
  unavailableReasonCode?: CodedText | undefined;
}

/** The record as the source wrote it (invisible characters made visible). */
export function EventOriginal({ original, unavailableReason, unavailableReasonCode }: Props) {
  const t = useT();
  const say = useEngineText();
  if (original === null) {
    return (
      <p className="unavailable" data-testid="event-original">
        {t('detail.unavailable', { reason: unavailableReason ? say(unavailableReasonCode, unavailableReason) : t('detail.unknownReason') })}
      </p>
    );
  }
  return (
    <pre className="raw" data-testid="event-original">
      {revealInvisibles(original, true)}
    </pre>
  );
}
