import type { Acquisition } from '../../contracts';
import { useT } from '../../i18n';
import './strings';

const FIELDS: readonly (keyof Acquisition)[] = ['provided_by', 'acquired_at', 'acquired_how', 'source_host'];

/**
 * Where the next dropped files came from: recorded in the evidence registry and the
 * custody log when they are ingested (and editable later, with history).
 */
export function AcquisitionForm({ value, onChange }: { value: Acquisition; onChange(next: Acquisition): void }) {
  const t = useT();
  return (
    <details className="acquisition-form" data-testid="acquisition-form">
      <summary>{t('evidence.acquisitionSummary')}</summary>
      {FIELDS.map((f) => (
        <label key={f} className="form-row">
          <span>{t(`evidence.field.${f}`)}</span>
          <input
            value={value[f] ?? ''}
            placeholder={t(`evidence.placeholder.${f}`)}
            onChange={(e) => onChange({ ...value, [f]: e.currentTarget.value })}
            data-testid={`acquisition-${f}`}
          />
        </label>
      ))}
    </details>
  );
}
