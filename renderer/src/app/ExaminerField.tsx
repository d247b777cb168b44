import { useId } from 'react';

/** Who is working: recorded by the engine with every action on the case opened next. */
export function ExaminerField({ value, onChange }: { value: string; onChange(name: string): void }) {
  const id = useId();
  return (
    <div className="card examiner-card">
      <label htmlFor={id}>Examiner (recorded in the custody log with every action)</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        placeholder="Your name — left empty, this computer's user name is recorded"
        data-testid="examiner-name"
      />
    </div>
  );
}
