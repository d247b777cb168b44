import type { Acquisition } from '../../contracts';

const FIELDS: { key: keyof Acquisition; label: string; placeholder: string }[] = [
  { key: 'provided_by', label: 'Provided by', placeholder: 'e.g. 情報システム部 田中' },
  { key: 'acquired_at', label: 'Acquired when', placeholder: 'e.g. 2026-10-05 10:30 JST' },
  { key: 'acquired_how', label: 'Acquired how', placeholder: 'e.g. USB copy from SIEM export' },
  { key: 'source_host', label: 'Source device / host', placeholder: 'e.g. proxy01' },
];

/**
 * Where the next dropped files came from: recorded in the evidence registry and the
 * custody log when they are ingested (and editable later, with history).
 */
export function AcquisitionForm({ value, onChange }: { value: Acquisition; onChange(next: Acquisition): void }) {
  return (
    <details className="acquisition-form" data-testid="acquisition-form">
      <summary>Acquisition details for the files you add next</summary>
      {FIELDS.map((f) => (
        <label key={f.key} className="form-row">
          <span>{f.label}</span>
          <input
            value={value[f.key] ?? ''}
            placeholder={f.placeholder}
            onChange={(e) => onChange({ ...value, [f.key]: e.currentTarget.value })}
            data-testid={`acquisition-${f.key}`}
          />
        </label>
      ))}
    </details>
  );
}
