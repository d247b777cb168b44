import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import type { EvidenceSummary, EvidenceVerification } from '../../contracts';
import { ClockSkewDialog } from './ClockSkewDialog';
import { EvidenceEditDialog } from './EvidenceEditDialog';
import { EvidenceTable } from './EvidenceTable';
import { RejectsDialog } from './RejectsDialog';
import { VerificationResults } from './VerificationResults';
import { useT } from '../../i18n';
import './strings';

interface Props {
  version: number;
  readOnly: boolean;
  onChanged(): void;
}

/** The case's evidence registry with its digests; refreshed whenever `version` changes. */
export function EvidencePanel({ version, readOnly, onChanged }: Props) {
  const client = useClient();
  const t = useT();
  const { value: evidence, error } = useEngineCall('evidence.list', {}, version);
  const [rejectsOf, setRejectsOf] = useState<EvidenceSummary | null>(null);
  const [editing, setEditing] = useState<EvidenceSummary | null>(null);
  const [skewing, setSkewing] = useState<EvidenceSummary | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [results, setResults] = useState<EvidenceVerification[] | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const items = evidence ?? [];

  const verify = () => {
    setVerifying(true);
    setActionError(null);
    client.call('evidence.verify', {}).then(
      (r) => {
        setVerifying(false);
        setResults(r);
        onChanged();
      },
      (e: unknown) => {
        setVerifying(false);
        setActionError(errorMessage(e));
      },
    );
  };

  const remove = (item: EvidenceSummary) => {
    client.call('evidence.remove', { evidenceId: item.id }).then(onChanged, (e: unknown) => setActionError(errorMessage(e)));
  };

  return (
    <details className="evidence-panel" open>
      <summary>
        {t('evidence.title')} <span className="muted">{t('evidence.fileCount', { count: items.length })}</span>{' '}
        {items.length > 0 && (
          <button type="button" className="small" onClick={verify} disabled={verifying} data-testid="verify-evidence">
            {verifying ? t('evidence.rehashing') : t('evidence.verify')}
          </button>
        )}
      </summary>
      {(error || actionError) && <p className="error-text" role="alert">{error || actionError}</p>}
      {results && <VerificationResults results={results} />}
      {items.length === 0 ? (
        <p className="muted empty-hint">{t('evidence.empty')}</p>
      ) : (
        <EvidenceTable
          evidence={items}
          readOnly={readOnly}
          onShowRejects={setRejectsOf}
          onEdit={setEditing}
          onRemove={remove}
          onSkew={setSkewing}
        />
      )}
      {rejectsOf && <RejectsDialog evidence={rejectsOf} onClose={() => setRejectsOf(null)} />}
      {skewing && <ClockSkewDialog evidence={skewing} onClose={() => setSkewing(null)} onSaved={onChanged} />}
      {editing && <EvidenceEditDialog evidence={editing} readOnly={readOnly} onClose={() => setEditing(null)} onSaved={onChanged} />}
    </details>
  );
}
