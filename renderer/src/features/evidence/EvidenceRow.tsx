import type { EvidenceSummary } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { formatCount } from '../../lib/format-number';
import { displayValue } from '../../lib/reveal-invisibles';
import { EvidenceOptionsCell } from './EvidenceOptionsCell';
import { EvidenceStatusBadge } from './EvidenceStatusBadge';
import { HashCell } from './HashCell';

interface Props {
  evidence: EvidenceSummary;
  readOnly: boolean;
  onShowRejects(evidence: EvidenceSummary): void;
  onEdit(evidence: EvidenceSummary): void;
  onRemove(evidence: EvidenceSummary): void;
  onSkew(evidence: EvidenceSummary): void;
}

export function EvidenceRow({ evidence, readOnly, onShowRejects, onEdit, onRemove, onSkew }: Props) {
  return (
    <tr
      data-testid="evidence-row"
      data-evidence-id={evidence.id}
      className={evidence.parent_id !== null ? 'evidence-entry' : undefined}
      title={evidence.entry_name !== null ? `inside ${evidence.path}: ${evidence.entry_name}` : undefined}
    >
      <td data-testid="evidence-exhibit">{displayValue(evidence.exhibit)}</td>
      <td className="name-cell" title={displayValue(evidence.path)} data-testid="evidence-name">
        {displayValue(evidence.name)}
      </td>
      <td data-testid="evidence-format">{displayValue(evidence.format)}</td>
      <td className="num" title={`${formatCount(evidence.size)} bytes`}>
        {formatBytes(evidence.size)}
      </td>
      <td className="num" data-testid="evidence-events" data-count={evidence.events}>
        {formatCount(evidence.events)}
      </td>
      <td className="num">
        {evidence.rejected > 0 ? (
          <button
            type="button"
            className="link-button"
            data-testid="evidence-rejected"
            onClick={() => onShowRejects(evidence)}
            title="Show the records that could not be parsed"
          >
            {formatCount(evidence.rejected)}
          </button>
        ) : (
          <span data-testid="evidence-rejected">0</span>
        )}
      </td>
      <EvidenceOptionsCell evidence={evidence} />
      <td>
        <EvidenceStatusBadge status={evidence.status} />
      </td>
      <HashCell algorithm="SHA-256" value={evidence.sha256} testId="evidence-sha256" />
      <HashCell algorithm="SHA-1" value={evidence.sha1} testId="evidence-sha1" />
      <HashCell algorithm="MD5" value={evidence.md5} testId="evidence-md5" />
      <td>{displayValue(evidence.provided_by)}</td>
      <td>{displayValue([evidence.acquired_at, evidence.acquired_how].filter(Boolean).join(', '))}</td>
      <td>{displayValue(evidence.source_host)}</td>
      <td>
        <button type="button" className="small" onClick={() => onEdit(evidence)} data-testid="evidence-edit">
          {readOnly ? 'Details' : 'Edit'}
        </button>
        {!readOnly && evidence.status === 'complete' && evidence.container !== 'zip-archive' && (
          <button type="button" className="small" onClick={() => onSkew(evidence)} data-testid="evidence-skew-open">
            Clock skew…
          </button>
        )}
        {!readOnly && evidence.status !== 'complete' && (
          <button type="button" className="small" onClick={() => onRemove(evidence)} data-testid="evidence-remove">
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
