import type { EvidenceStatus } from '../../contracts';

const LABELS: Record<EvidenceStatus, string> = {
  ingesting: 'ingesting',
  complete: 'complete',
  incomplete: 'incomplete',
};

export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const known = Object.hasOwn(LABELS, status);
  return (
    <span className={`badge badge-${known ? status : 'unknown'}`} data-testid="evidence-status">
      {known ? LABELS[status] : String(status)}
    </span>
  );
}
