import { useState } from 'react';
import type { CaseInfo } from '../contracts';
import { rememberedExaminer, rememberExaminer } from '../lib/examiner-name';
import { OpenPackageButton } from '../features/review/OpenPackageButton';
import { CaseList } from './CaseList';
import { ExaminerField } from './ExaminerField';
import { NewCaseForm } from './NewCaseForm';
import { useEngineCall } from '../client/use-engine-call';
import { StartDrop } from '../features/start/StartDrop';
import { useT } from '../i18n';
import { PreferenceSwitches } from './PreferenceSwitches';
import './strings';

/** No case is open: say who you are, then open an existing case or create a new one. */
export function CasePicker({ onOpened }: { onOpened(info: CaseInfo, files?: File[]): void }) {
  const t = useT();
  const [examiner, setExaminer] = useState(rememberedExaminer);
  const { value: cases } = useEngineCall('case.list', {});
  const opened = (info: CaseInfo, files?: File[]) => {
    rememberExaminer(examiner);
    onOpened(info, files);
  };
  const name = examiner.trim() || undefined;
  return (
    <main className="case-picker" data-testid="case-picker">
      <div className="picker-top">
        <h1 className="brand">{t('app.brand')}</h1>
        <PreferenceSwitches />
      </div>
      <p className="muted">{t('app.tagline')}</p>
      <ExaminerField value={examiner} onChange={setExaminer} />
      <StartDrop existing={(cases ?? []).map((c) => c.name)} examiner={name} onOpened={opened} />
      <div className="case-picker-columns">
        <CaseList onOpened={opened} examiner={name} />
        <NewCaseForm onCreated={opened} examiner={name} />
      </div>
      <OpenPackageButton onOpened={opened} examiner={name} />
    </main>
  );
}
