import type { MappingPreviewRow } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

interface Props {
  rows: MappingPreviewRow[];
  error: string | null;
  /** The mapping changed since these rows were read. */
  stale: boolean;
}

/** The first rows as the ingest would read them: their UTC time, or why they would be rejected. */
export function MappingPreview({ rows, error, stale }: Props) {
  const t = useT();
  const say = useEngineText();
  const rejected = rows.filter((r) => r.reject).length;
  return (
    <section className="mapping-preview" aria-busy={stale} data-testid="mapping-preview">
      <h3>
        {t('mapping.preview')}{' '}
        <span className="muted">{t('mapping.previewCounts', { rows: rows.length, rejected })}</span>
      </h3>
      {error && <p className="error-text">{error}</p>}
      <table className="data-table">
        <thead>
          <tr>
            <th className="num">{t('mapping.col.line')}</th>
            <th>{t('mapping.col.time')}</th>
            <th>{t('mapping.col.asWritten')}</th>
            <th>{t('mapping.col.host')}</th>
            <th>{t('mapping.col.user')}</th>
            <th>{t('mapping.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.record} className={r.reject ? 'mapping-reject' : undefined} data-testid="mapping-preview-row">
              <td className="num">{r.record}</td>
              {r.reject ? (
                <td colSpan={5}>{t('mapping.rejected', { reason: displayValue(say(r.reject_code, r.reject)) })}</td>
              ) : (
                <>
                  <td>{r.time}</td>
                  <td>
                    {displayValue(r.timeRaw ?? '')} <span className="muted">{r.timeZone}</span>
                  </td>
                  <td>{displayValue(r.host ?? '')}</td>
                  <td>{displayValue(r.user ?? '')}</td>
                  <td>{displayValue(r.message ?? '')}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
