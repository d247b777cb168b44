import { useEngineCall } from '../../client/use-engine-call';
import {
  EVENT_CATEGORIES,
  TIMESTAMP_FORMAT_LABELS,
  TIMESTAMP_FORMATS,
  type ColumnMapping,
  type MappingProposal,
  type TimestampFormatId,
} from '../../contracts';
import { useT } from '../../i18n';
import './strings';

interface Props {
  proposal: MappingProposal;
  mapping: ColumnMapping;
  zone: string;
  onMapping(mapping: ColumnMapping): void;
  onZone(zone: string): void;
  onSaveName(name: string): void;
}

const pct = (n: number): string => `${Math.round(n * 100)}%`;

/** Offers the mapping as a JSON file, for `tracelight ingest --mapping` or another case. */
function downloadJson(name: string, mapping: ColumnMapping): void {
  const blob = new Blob([JSON.stringify({ name, mapping }, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[\\/:*?"<>|]/g, '_') || 'mapping'}.mapping.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The mapping's settings beside the column table: saved mappings, time layout, zone, category. */
export function MappingOptions({ proposal, mapping, zone, onMapping, onZone, onSaveName }: Props) {
  const t = useT();
  const { value: saved } = useEngineCall('import.mappings', {});
  const time = proposal.time;
  const parseRate = (f: TimestampFormatId): number | undefined => time?.candidates.find((c) => c.format === f)?.parseRate;
  return (
    <div className="mapping-options">
      {saved && saved.length > 0 && (
        <label>
          {t('mapping.saved')}{' '}
          <select
            data-testid="mapping-saved"
            defaultValue={proposal.saved ? String(proposal.saved.id) : ''}
            onChange={(e) => {
              const chosen = saved.find((m) => String(m.id) === e.currentTarget.value);
              onMapping(chosen ? chosen.mapping : proposal.mapping);
              if (chosen) onSaveName(chosen.name);
              if (chosen?.mapping.timezone) onZone(chosen.mapping.timezone);
            }}
          >
            <option value="">{t('mapping.proposed')}</option>
            {saved.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.signature === proposal.signature ? t('mapping.sameColumns') : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('mapping.timeLayout')}{' '}
        <select
          data-testid="mapping-time-format"
          value={mapping.time.format}
          onChange={(e) => onMapping({ ...mapping, time: { format: e.currentTarget.value as TimestampFormatId } })}
        >
          {TIMESTAMP_FORMATS.map((f) => (
            <option key={f} value={f}>
              {TIMESTAMP_FORMAT_LABELS[f]}
              {parseRate(f) !== undefined ? t('mapping.reads', { pct: pct(parseRate(f)!) }) : ''}
            </option>
          ))}
        </select>
      </label>
      {time && (
        <span className="muted" data-testid="mapping-time-detected">
          {t('mapping.detected', { columns: time.columns.join(' + '), format: time.format, pct: pct(time.confidence) })}
        </span>
      )}
      <label>
        {t('mapping.zone')}{' '}
        <input type="text" value={zone} size={16} onChange={(e) => onZone(e.currentTarget.value)} data-testid="mapping-zone" />
      </label>
      <label>
        {t('mapping.category')}{' '}
        <select
          value={mapping.category}
          onChange={(e) => onMapping({ ...mapping, category: e.currentTarget.value as ColumnMapping['category'] })}
          data-testid="mapping-category"
        >
          {EVENT_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => downloadJson(proposal.name, { ...mapping, ...(zone.trim() ? { timezone: zone.trim() } : {}) })}>
        {t('mapping.exportJson')}
      </button>
    </div>
  );
}
