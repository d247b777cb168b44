import { useId, useMemo } from 'react';
import { CHOOSABLE_ENCODINGS, type FormatInfo } from '../../contracts';
import { timeZoneNames } from '../../lib/time-zone';
import type { ChoiceFields } from './intake-choices';

interface Props {
  value: ChoiceFields;
  onChange(next: ChoiceFields): void;
  caseZone: string;
  formats: FormatInfo[];
  /** Shown when the base year is left to the file: its modification year when known. */
  fileYear?: number;
  testId: string;
}

/** Time zone, encoding, format and base year for one file (or for every file added next). */
export function IntakeChoiceFields({ value, onChange, caseZone, formats, fileYear, testId }: Props) {
  const id = useId();
  const zones = useMemo(timeZoneNames, []);
  const set = (key: keyof ChoiceFields) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: event.currentTarget.value });
  return (
    <div className="intake-fields" data-testid={testId}>
      <label>
        <span>Time zone</span>
        <input
          list={`${id}-zones`}
          value={value.timezone}
          placeholder={`case zone (${caseZone})`}
          onChange={set('timezone')}
          data-testid={`${testId}-timezone`}
        />
        <datalist id={`${id}-zones`}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
      <label>
        <span>Encoding</span>
        <select value={value.encoding} onChange={set('encoding')} data-testid={`${testId}-encoding`}>
          <option value="">Detect (UTF-8, UTF-16, Shift_JIS)</option>
          {CHOOSABLE_ENCODINGS.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Format</span>
        <select value={value.format} onChange={set('format')} data-testid={`${testId}-format`}>
          <option value="">Recognize from content</option>
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.id})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Base year</span>
        <input
          inputMode="numeric"
          value={value.baseYear}
          placeholder={fileYear ? `${fileYear} (file's year)` : "file's modification year"}
          onChange={set('baseYear')}
          data-testid={`${testId}-base-year`}
          title="Year for timestamps that have none (BSD syslog); December-to-January rollover is handled"
        />
      </label>
    </div>
  );
}
