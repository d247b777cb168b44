import type { EvidenceSummary } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { formatCount } from '../../lib/format-number';
import { displayValue } from '../../lib/reveal-invisibles';
import { EvidenceOptionsCell } from './EvidenceOptionsCell';
import { EvidenceStatusBadge } from './EvidenceStatusBadge';
import { DigestsCell } from './DigestsCell';
import { useT } from '../../i18n';
import './strings';
import '../../components/strings';

interface Props {
  evidence: EvidenceSummary;
  readOnly: boolean;
  onShowRejects(evidence: EvidenceSummary): void;
  onEdit(evidence: EvidenceSummary): void;
  onRemove(evidence: EvidenceSummary): void;
  onSkew(evidence: EvidenceSummary): void;
}

export function EvidenceRow({ evidence, readOnly, onShowRejects, onEdit, onRemove, onSkew }: Props) {
  const t = useT();
  return (
    <tr
      data-testid="evidence-row"
      data-evidence-id={evidence.id}
      className={evidence.parent_id !== null ? 'evidence-entry' : undefined}
      title={evidence.entry_name !== null ? t('evidence.insideArchive', { path: evidence.path, entry: evidence.entry_name }) : undefined}
    >
      <td data-testid="evidence-exhibit">{displayValue(evidence.exhibit)}</td>
      <td className="name-cell" title={displayValue(evidence.path)} data-testid="evidence-name">
        {displayValue(evidence.name)}
      </td>
      <td data-testid="evidence-format">{displayValue(evidence.format)}</td>
      <td className="num" title={t('common.bytes', { count: formatCount(evidence.size) })}>
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
            title={t('evidence.showRejects')}
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
      <DigestsCell evidence={evidence} />
      <td className="acquisition-cell">
        {evidence.provided_by && <div title={t('evidence.col.providedBy')}>{displayValue(evidence.provided_by)}</div>}
        {(evidence.acquired_at || evidence.acquired_how) && (
          <div title={t('evidence.col.acquired')}>{displayValue([evidence.acquired_at, evidence.acquired_how].filter(Boolean).join(', '))}</div>
        )}
        {evidence.source_host && <div title={t('evidence.col.sourceHost')}>{displayValue(evidence.source_host)}</div>}
      </td>
      <td>
        <div className="evidence-actions">
          <button type="button" className="small" onClick={() => onEdit(evidence)} data-testid="evidence-edit">
            {readOnly ? t('evidence.details') : t('evidence.edit')}
          </button>
          {!readOnly && evidence.status === 'complete' && evidence.container !== 'zip-archive' && (
            <button type="button" className="small" onClick={() => onSkew(evidence)} data-testid="evidence-skew-open">
              {t('evidence.skewOpen')}
            </button>
          )}
          {!readOnly && evidence.status !== 'complete' && (
            <button type="button" className="small" onClick={() => onRemove(evidence)} data-testid="evidence-remove">
              {t('evidence.remove')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
