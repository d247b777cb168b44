import { revealInvisibles } from '../../lib/reveal-invisibles';

interface Props {
  original: string | null;
  unavailableReason: string | undefined;
}

/** The record as the source wrote it (invisible characters made visible). */
export function EventOriginal({ original, unavailableReason }: Props) {
  if (original === null) {
    return (
      <p className="unavailable" data-testid="event-original">
        Original record unavailable: {unavailableReason || 'unknown reason'}
      </p>
    );
  }
  return (
    <pre className="raw" data-testid="event-original">
      {revealInvisibles(original, true)}
    </pre>
  );
}
