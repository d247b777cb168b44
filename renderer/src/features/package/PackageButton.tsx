import { useState } from 'react';
import type { CaseInfo } from '../../contracts';
import { PackageDialog } from './PackageDialog';
import { useT } from '../../i18n';
import '../export/strings';

/** "Evidence package…" in the case header. */
export function PackageButton({ caseInfo, onExported }: { caseInfo: CaseInfo; onExported(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="open-package-export">
        {t('package.open')}
      </button>
      {open && <PackageDialog caseName={caseInfo.name} readOnly={caseInfo.readOnly} onClose={() => setOpen(false)} onExported={onExported} />}
    </>
  );
}
