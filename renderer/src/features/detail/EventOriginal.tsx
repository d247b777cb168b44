import { revealInvisibles } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

interface Props {
  original: string | null;
  unavailableReason: string | undefined;
}

/** The record as the source wrote it (invisible characters made visible). */
export function EventOriginal({ original, unavailableReason }: Props) {
  const t = useT();
  if (original === null) {
    return (
      <p className="unavailable" data-testid="event-original">
        {t('detail.unavailable', { reason: unavailableReason || t('detail.unknownReason') })}
      </p>
    );
  }
  return (
    <pre className="raw" data-testid="event-original">
      {revealInvisibles(original, true)}
    </pre>
  );
}
