import type { EvidenceSummary } from '../../contracts';
import { EvidenceRow } from './EvidenceRow';

interface Props {
  evidence: EvidenceSummary[];
  readOnly: boolean;
  onShowRejects(evidence: EvidenceSummary): void;
  onEdit(evidence: EvidenceSummary): void;
  onRemove(evidence: EvidenceSummary): void;
  onSkew(evidence: EvidenceSummary): void;
}

export function EvidenceTable({ evidence, readOnly, onShowRejects, onEdit, onRemove, onSkew }: Props) {
  return (
    <table className="data-table evidence-table" data-testid="evidence-table">
      <thead>
        <tr>
          <th>Exhibit</th>
          <th>Name</th>
          <th>Format</th>
          <th className="num">Size</th>
          <th className="num">Events</th>
          <th className="num">Rejected</th>
          <th>Time zone / reading</th>
          <th>Status</th>
          <th>SHA-256</th>
          <th>SHA-1</th>
          <th>MD5</th>
          <th>Provided by</th>
          <th>Acquired</th>
          <th>Source host</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {evidence.map((item) => (
          <EvidenceRow
            key={item.id}
            evidence={item}
            readOnly={readOnly}
            onShowRejects={onShowRejects}
            onEdit={onEdit}
            onRemove={onRemove}
            onSkew={onSkew}
          />
        ))}
      </tbody>
    </table>
  );
}
