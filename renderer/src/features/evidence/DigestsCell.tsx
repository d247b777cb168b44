import type { EvidenceSummary } from '../../contracts';
import { CopyButton } from '../../components/CopyButton';
import { useT } from '../../i18n';
import './strings';

const DIGESTS = [
  ['SHA-256', 'sha256', 'evidence-sha256'],
  ['SHA-1', 'sha1', 'evidence-sha1'],
  ['MD5', 'md5', 'evidence-md5'],
] as const;

/**
 * The three digests of a file in one cell, one under the other: each whole (broken over lines,
 * still one word to select), with its algorithm and a copy button. One column instead of three
 * keeps the registry within the centre pane beside the event detail.
 */
export function DigestsCell({ evidence }: { evidence: EvidenceSummary }) {
  const t = useT();
  return (
    <td className="digests-cell">
      {DIGESTS.map(([algorithm, field, testId]) => (
        <span key={field} className="hash-cell digest">
          <span className="digest-label">{algorithm}</span>
          <code className="hash" data-testid={testId}>
            {evidence[field]}
          </code>
          {evidence[field] && <CopyButton text={evidence[field]} label={t('evidence.copyHash', { algorithm })} />}
        </span>
      ))}
    </td>
  );
}
