import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import type { CaseInfo } from '../../contracts';
import { rememberExaminer } from '../../lib/examiner-name';
import { displayValue } from '../../lib/reveal-invisibles';

const SOURCE: Record<CaseInfo['examinerSource'], string> = {
  given: '',
  env: ' (from TRACELIGHT_EXAMINER)',
  'os-user': ' (computer user name — set your name)',
};

/** Who the engine records as acting; another examiner can take over (that is logged too). */
export function ExaminerBadge({ caseInfo, onCaseInfo }: { caseInfo: CaseInfo; onCaseInfo(info: CaseInfo): void }) {
  const client = useClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(caseInfo.examiner);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    client.call('case.setExaminer', { name }).then(
      (info) => {
        rememberExaminer(name);
        setEditing(false);
        onCaseInfo(info);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  if (editing) {
    return (
      <form className="examiner-form" onSubmit={submit}>
        <input value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label="Examiner name" data-testid="examiner-input" autoFocus />
        <button type="submit">Set</button>
        {error && <span className="error-text">{error}</span>}
      </form>
    );
  }
  return (
    <span className="case-stat" title="Recorded with every action in the custody log">
      Examiner <span data-testid="case-examiner">{displayValue(caseInfo.examiner)}</span>
      {SOURCE[caseInfo.examinerSource]}{' '}
      {!caseInfo.readOnly && (
        <button type="button" className="small" onClick={() => setEditing(true)} data-testid="examiner-change">
          Change
        </button>
      )}
    </span>
  );
}
