import { useState } from 'react';
import type { CaseInfo } from '../../contracts';
import { PackageDialog } from './PackageDialog';

/** "Evidence package…" in the case header. */
export function PackageButton({ caseInfo, onExported }: { caseInfo: CaseInfo; onExported(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="open-package-export">
        Evidence package…
      </button>
      {open && <PackageDialog caseName={caseInfo.name} readOnly={caseInfo.readOnly} onClose={() => setOpen(false)} onExported={onExported} />}
    </>
  );
}
