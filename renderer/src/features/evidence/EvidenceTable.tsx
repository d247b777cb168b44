import type { EvidenceSummary } from '../../contracts';
import { EvidenceRow } from './EvidenceRow';

interface Props {
  evidence: EvidenceSummary[];
  onShowRejects(evidence: EvidenceSummary): void;
}

export function EvidenceTable({ evidence, onShowRejects }: Props) {
  return (
    <table className="data-table evidence-table" data-testid="evidence-table">
      <thead>
        <tr>
          <th>Name</th>
          <th>Format</th>
          <th className="num">Size</th>
          <th className="num">Events</th>
          <th className="num">Rejected</th>
          <th>Time zone</th>
          <th>Status</th>
          <th>SHA-256</th>
          <th>SHA-1</th>
          <th>MD5</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((item) => (
          <EvidenceRow key={item.id} evidence={item} onShowRejects={onShowRejects} />
        ))}
      </tbody>
    </table>
  );
}
