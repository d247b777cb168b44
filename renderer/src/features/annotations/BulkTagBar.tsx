import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import type { BulkTagResult, EventFilter } from '../../contracts';
import { useLocaleFormat, useT } from '../../i18n';
import { ANNOTATIONS_CHANGED_EVENT } from './annotation-commands';
import './strings';

const LABELS = ['evidence', 'suspicious', 'benign', 'IOC'];

interface Props {
  /** The filter the grid shows (query, pivot, range): "all rows" means exactly these. */
  filter: EventFilter | undefined;
  count: number | null;
  /** Row number (1-based) -> event id, for a range of rows; null while that page is loading. */
  rowId(index: number): number | null;
  readOnly: boolean;
  onTagged(): void;
}

/**
 * Bulk tagging: every row of the current view (the engine re-runs the same filter), or a range
 * of rows by number. One tag.bulkAdded custody entry names every event it tagged.
 */
export function BulkTagBar({ filter, count, rowId, readOnly, onTagged }: Props) {
  const t = useT();
  const { number } = useLocaleFormat();
  const client = useClient();
  const [label, setLabel] = useState('evidence');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  if (readOnly) return null;

  const report = (r: BulkTagResult) => {
    setBusy(false);
    setStatus({
      ok: true,
      text: r.tagged ? t('annotations.bulkDone', { tagged: number(r.tagged), matched: number(r.matched), label: r.label }) : t('annotations.bulkNothing', { matched: number(r.matched), label: r.label }),
    });
    onTagged();
    window.dispatchEvent(new CustomEvent(ANNOTATIONS_CHANGED_EVENT));
  };
  const fail = (e: unknown) => {
    setBusy(false);
    setStatus({ ok: false, text: errorMessage(e) });
  };
  const tagAll = () => {
    setBusy(true);
    client.call('annotations.bulkTag', { label, ...(filter ? { filter } : {}) }).then(report, fail);
  };
  const lo = Number(from);
  const hi = Number(to);
  const rangeOk = Number.isInteger(lo) && Number.isInteger(hi) && lo >= 1 && hi >= lo && (count === null || hi <= count);
  const tagRange = () => {
    const ids: number[] = [];
    for (let i = lo; i <= hi; i++) {
      const id = rowId(i - 1);
      if (id === null) return fail(new Error(t('annotations.rowNotLoaded', { row: i })));
      ids.push(id);
    }
    setBusy(true);
    client.call('annotations.bulkTag', { label, eventIds: ids }).then(report, fail);
  };
  return (
    <details className="bulk-tag" data-testid="bulk-tag">
      <summary>{t('annotations.bulkTitle')}</summary>
      <div className="bulk-tag-row">
        <label>
          {t('annotations.bulkLabel')}{' '}
          <input list="bulk-tag-labels" value={label} onChange={(e) => setLabel(e.currentTarget.value)} data-testid="bulk-label" />
          <datalist id="bulk-tag-labels">
            {LABELS.map((l) => (
              <option key={l} value={l} />
            ))}
          </datalist>
        </label>
        <button type="button" disabled={busy || !label.trim() || !count} onClick={tagAll} data-testid="bulk-all">
          {t('annotations.bulkQuery', { count: number(count ?? 0) })}
        </button>
      </div>
      <div className="bulk-tag-row">
        <label>
          {t('annotations.bulkFrom')} <input type="number" min={1} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="bulk-from" />
        </label>
        <label>
          {t('annotations.bulkTo')} <input type="number" min={1} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="bulk-to" />
        </label>
        <button type="button" disabled={busy || !label.trim() || !rangeOk} onClick={tagRange} data-testid="bulk-range">
          {t('annotations.bulkRange', { from: rangeOk ? lo : '…', to: rangeOk ? hi : '…' })}
        </button>
      </div>
      {status && (
        <p className={status.ok ? 'saved-text' : 'error-text'} role="status" data-testid="bulk-status">
          {status.text}
        </p>
      )}
    </details>
  );
}
