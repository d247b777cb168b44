import { useId } from 'react';
import { useT } from '../i18n';
import { displayZone, type ZoneMode } from '../lib/display-zone';
import { isValidTimeZone, timeZoneNames } from '../lib/time-zone';
import './strings';

const MODES: readonly ZoneMode[] = ['utc', 'case', 'other'];

/** Which zone the grid shows times in: UTC, the case's zone, or another (remembered). */
export function ZoneSwitch({ caseZone }: { caseZone: string }) {
  const t = useT();
  const id = useId();
  const [zone, setZone] = displayZone.use();
  return (
    <span className="zone-switch">
      <label htmlFor={`${id}-mode`} className="header-label">
        {t('app.showTimesIn')}
      </label>
      <select
        id={`${id}-mode`}
        value={zone.mode}
        onChange={(e) => setZone({ ...zone, mode: e.currentTarget.value as ZoneMode })}
        data-testid="zone-mode"
      >
        {MODES.map((mode) => (
          <option key={mode} value={mode}>
            {mode === 'case' ? t('app.zone.case', { zone: caseZone }) : t(`app.zone.${mode}`)}
          </option>
        ))}
      </select>
      {zone.mode === 'other' && (
        <>
          <input
            list={`${id}-zones`}
            defaultValue={zone.other}
            size={14}
            aria-label={t('app.zone.other')}
            spellCheck={false}
            onChange={(e) => {
              const next = e.currentTarget.value.trim();
              if (isValidTimeZone(next)) setZone({ ...zone, other: next });
            }}
            data-testid="zone-other"
          />
          <datalist id={`${id}-zones`}>
            {timeZoneNames().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </>
      )}
    </span>
  );
}
