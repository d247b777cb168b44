import { useId } from 'react';
import { useT } from '../i18n';
import './strings';

/** Who is working: recorded by the engine with every action on the case opened next. */
export function ExaminerField({ value, onChange }: { value: string; onChange(name: string): void }) {
  const id = useId();
  const t = useT();
  return (
    <div className="card examiner-card">
      <label htmlFor={id}>{t('app.examinerLabel')}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        placeholder={t('app.examinerPlaceholder')}
        data-testid="examiner-name"
      />
    </div>
  );
}
