import { useState } from 'react';
import type { CaseInfo } from '../contracts';
import { rememberedExaminer, rememberExaminer } from '../lib/examiner-name';
import { OpenPackageButton } from '../features/review/OpenPackageButton';
import { CaseList } from './CaseList';
import { ExaminerField } from './ExaminerField';
import { NewCaseForm } from './NewCaseForm';

/** No case is open: say who you are, then open an existing case or create a new one. */
export function CasePicker({ onOpened }: { onOpened(info: CaseInfo): void }) {
  const [examiner, setExaminer] = useState(rememberedExaminer);
  const opened = (info: CaseInfo) => {
    rememberExaminer(examiner);
    onOpened(info);
  };
  const name = examiner.trim() || undefined;
  return (
    <main className="case-picker" data-testid="case-picker">
      <h1 className="brand">Tracelight</h1>
      <p className="muted">Offline forensic triage. Open a case, or create one and drop evidence on it.</p>
      <ExaminerField value={examiner} onChange={setExaminer} />
      <div className="case-picker-columns">
        <CaseList onOpened={opened} examiner={name} />
        <NewCaseForm onCreated={opened} examiner={name} />
      </div>
      <OpenPackageButton onOpened={opened} examiner={name} />
    </main>
  );
}
