import { useState } from 'react';
import type { CaseInfo, EventFilter } from '../../contracts';
import { ExportDialog } from './ExportDialog';
import { useT } from '../../i18n';
import './strings';

interface Props {
  caseInfo: CaseInfo;
  filter: EventFilter | undefined;
  onExported(): void;
}

/** "Export…" in the case header: the report, the workbook and the timeline files. */
export function ExportButton({ caseInfo, filter, onExported }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="open-export">
        {t('export.open')}
      </button>
      {open && (
        <ExportDialog caseName={caseInfo.name} readOnly={caseInfo.readOnly} filter={filter} onClose={() => setOpen(false)} onExported={onExported} />
      )}
    </>
  );
}
