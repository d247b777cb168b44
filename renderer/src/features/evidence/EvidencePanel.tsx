import { useState } from 'react';
import { useEngineCall } from '../../client/use-engine-call';
import type { EvidenceSummary } from '../../contracts';
import { EvidenceTable } from './EvidenceTable';
import { RejectsDialog } from './RejectsDialog';

/** The case's evidence files with their digests; refreshed whenever `version` changes. */
export function EvidencePanel({ version }: { version: number }) {
  const { value: evidence, error } = useEngineCall('evidence.list', {}, version);
  const [rejectsOf, setRejectsOf] = useState<EvidenceSummary | null>(null);
  const items = evidence ?? [];

  return (
    <details className="evidence-panel" open>
      <summary>
        Evidence <span className="muted">({items.length} {items.length === 1 ? 'file' : 'files'})</span>
      </summary>
      {error && <p className="error-text" role="alert">{error}</p>}
      {items.length === 0 ? (
        <p className="muted empty-hint">No evidence yet. Drop log files anywhere on this window, or use “Add evidence…”.</p>
      ) : (
        <EvidenceTable evidence={items} onShowRejects={setRejectsOf} />
      )}
      {rejectsOf && <RejectsDialog evidence={rejectsOf} onClose={() => setRejectsOf(null)} />}
    </details>
  );
}
