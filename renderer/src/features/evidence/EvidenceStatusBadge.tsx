import type { EvidenceStatus } from '../../contracts';
import { useT } from '../../i18n';
import './strings';

const LABELS: Record<EvidenceStatus, string> = {
  ingesting: 'evidence.status.ingesting',
  complete: 'evidence.status.complete',
  incomplete: 'evidence.status.incomplete',
};

export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const t = useT();
  const known = Object.hasOwn(LABELS, status);
  return (
    <span className={`badge badge-${known ? status : 'unknown'}`} data-testid="evidence-status">
      {known ? t(LABELS[status]) : String(status)}
    </span>
  );
}
