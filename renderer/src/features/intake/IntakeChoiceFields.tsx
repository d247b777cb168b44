import { useId, useMemo } from 'react';
import { CHOOSABLE_ENCODINGS, type FormatInfo } from '../../contracts';
import { timeZoneNames } from '../../lib/time-zone';
import type { ChoiceFields } from './intake-choices';
import { useT } from '../../i18n';
import './strings';

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
  const t = useT();
  const zones = useMemo(timeZoneNames, []);
  const set = (key: keyof ChoiceFields) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: event.currentTarget.value });
  return (
    <div className="intake-fields" data-testid={testId}>
      <label>
        <span>{t('intake.zone')}</span>
        <input
          list={`${id}-zones`}
          value={value.timezone}
          placeholder={t('intake.caseZone', { zone: caseZone })}
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
        <span>{t('intake.encoding')}</span>
        <select value={value.encoding} onChange={set('encoding')} data-testid={`${testId}-encoding`}>
          <option value="">{t('intake.detectEncoding')}</option>
          {CHOOSABLE_ENCODINGS.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('intake.format')}</span>
        <select value={value.format} onChange={set('format')} data-testid={`${testId}-format`}>
          <option value="">{t('intake.detectFormat')}</option>
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.id})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('intake.baseYear')}</span>
        <input
          inputMode="numeric"
          value={value.baseYear}
          placeholder={fileYear ? t('intake.fileYear', { year: fileYear }) : t('intake.fileModYear')}
          onChange={set('baseYear')}
          data-testid={`${testId}-base-year`}
          title={t('intake.baseYearHelp')}
        />
      </label>
    </div>
  );
}
