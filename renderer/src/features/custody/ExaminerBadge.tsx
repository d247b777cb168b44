import { useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import type { CaseInfo } from '../../contracts';
import { rememberExaminer } from '../../lib/examiner-name';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

// Where the recorded name came from, when the examiner did not type it.
const SOURCE: Record<CaseInfo['examinerSource'], string | null> = {
  given: null,
  env: 'custody.source.env',
  'os-user': 'custody.source.os-user',
};

/** Who the engine records as acting; another examiner can take over (that is logged too). */
export function ExaminerBadge({ caseInfo, onCaseInfo }: { caseInfo: CaseInfo; onCaseInfo(info: CaseInfo): void }) {
  const client = useClient();
  const t = useT();
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
        <input value={name} onChange={(e) => setName(e.currentTarget.value)} aria-label={t('custody.examinerName')} data-testid="examiner-input" autoFocus />
        <button type="submit">{t('custody.set')}</button>
        {error && <span className="error-text">{error}</span>}
      </form>
    );
  }
  return (
    <span className="case-stat" title={t('custody.examinerTitle')}>
      {t('custody.examiner')} <span data-testid="case-examiner">{displayValue(caseInfo.examiner)}</span>
      {SOURCE[caseInfo.examinerSource] && <span className="examiner-source">{t(SOURCE[caseInfo.examinerSource]!)}</span>}{' '}
      {!caseInfo.readOnly && (
        <button type="button" className="small" onClick={() => setEditing(true)} data-testid="examiner-change">
          {t('custody.change')}
        </button>
      )}
    </span>
  );
}
