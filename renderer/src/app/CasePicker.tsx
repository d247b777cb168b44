import type { CaseInfo } from '../contracts';
import { CaseList } from './CaseList';
import { NewCaseForm } from './NewCaseForm';

/** No case is open: open an existing one or create a new one. */
export function CasePicker({ onOpened }: { onOpened(info: CaseInfo): void }) {
  return (
    <main className="case-picker" data-testid="case-picker">
      <h1 className="brand">Tracelight</h1>
      <p className="muted">Offline forensic triage. Open a case, or create one and drop evidence on it.</p>
      <div className="case-picker-columns">
        <CaseList onOpened={onOpened} />
        <NewCaseForm onCreated={onOpened} />
      </div>
    </main>
  );
}
