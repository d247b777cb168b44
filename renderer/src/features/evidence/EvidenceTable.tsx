import type { EvidenceSummary } from '../../contracts';
import { EvidenceRow } from './EvidenceRow';
import { useT } from '../../i18n';
import './strings';

interface Props {
  evidence: EvidenceSummary[];
  readOnly: boolean;
  onShowRejects(evidence: EvidenceSummary): void;
  onEdit(evidence: EvidenceSummary): void;
  onRemove(evidence: EvidenceSummary): void;
  onSkew(evidence: EvidenceSummary): void;
}

export function EvidenceTable({ evidence, readOnly, onShowRejects, onEdit, onRemove, onSkew }: Props) {
  const t = useT();
  return (
    <table className="data-table evidence-table" data-testid="evidence-table">
      <thead>
        <tr>
          <th>{t('evidence.col.exhibit')}</th>
          <th>{t('evidence.col.name')}</th>
          <th>{t('evidence.col.format')}</th>
          <th className="num">{t('evidence.col.size')}</th>
          <th className="num">{t('evidence.col.events')}</th>
          <th className="num">{t('evidence.col.rejected')}</th>
          <th>{t('evidence.col.reading')}</th>
          <th>{t('evidence.col.status')}</th>
          <th>{t('evidence.col.digests')}</th>
          <th>{t('evidence.col.acquisition')}</th>
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
