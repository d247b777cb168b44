import { useState } from 'react';
import type { CaseInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { MappingDialog } from './MappingDialog';
import { useUnmappedFiles } from './use-unmapped-files';
import { useT } from '../../i18n';
import './strings';

interface Props {
  caseInfo: CaseInfo;
  /** An ingest with a mapping finished: evidence and timeline re-query. */
  onIngested(): void;
}

/**
 * Files no format recognized: the column-mapping dialog opens for the first one; the
 * others wait in a short list. Dismissing a file leaves it refused (its row says why).
 */
export function MappingPrompt({ caseInfo, onIngested }: Props) {
  const t = useT();
  const { files, done } = useUnmappedFiles();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const waiting = files.filter((f) => !dismissed.has(f.path));
  const current = waiting[0];
  if (caseInfo.readOnly || !current) return null;
  return (
    <>
      {waiting.length > 1 && (
        <p className="mapping-queue muted" data-testid="mapping-queue">
          {t('mapping.queue', { count: waiting.length - 1, names: waiting.slice(1).map((f) => displayValue(f.name)).join(', ') })}
        </p>
      )}
      <MappingDialog
        key={current.path}
        file={current}
        caseTimezone={caseInfo.timezone}
        onClose={() => setDismissed((s) => new Set(s).add(current.path))}
        onIngested={() => {
          done(current.path);
          onIngested();
        }}
      />
    </>
  );
}
