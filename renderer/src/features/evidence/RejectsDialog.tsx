import { useState } from 'react';
import { useEngineCall } from '../../client/use-engine-call';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { EvidenceSummary } from '../../contracts';
import { formatCount } from '../../lib/format-number';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';
import '../../components/strings';

const PAGE = 100;

interface Props {
  evidence: EvidenceSummary;
  onClose(): void;
}

/** The records of one evidence file that could not be parsed: line, reason, raw text. */
export function RejectsDialog({ evidence, onClose }: Props) {
  const dialog = useModalDialog();
  const t = useT();
  const say = useEngineText();
  // Keyset paging: each page starts after the last record of the one before; the stack of
  // those cursors is how Previous goes back.
  const [cursors, setCursors] = useState<({ line: number; id: number } | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const offset = (cursors.length - 1) * PAGE;
  const { value: rejects, error, loading } = useEngineCall('evidence.rejects', {
    evidenceId: evidence.id,
    limit: PAGE,
    ...(after ? { after } : {}),
  });

  const shown = rejects ?? [];
  const last = Math.min(offset + shown.length, evidence.rejected);
  return (
    <dialog ref={dialog} className="modal-dialog" data-testid="rejects-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>
          {t('evidence.rejectsHeading')} <span className="name">{displayValue(evidence.name)}</span>
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label={t('common.close')}>
          {t('common.close')}
        </button>
      </header>
      <p className="muted">
        {t('evidence.rejectsHelp', { count: formatCount(evidence.rejected) })}
      </p>
      {error && <p className="error-text" role="alert">{error}</p>}
      <div className="table-scroll dialog-body">
        <table className="data-table rejects-table">
          <thead>
            <tr>
              <th className="num">{t('evidence.col.line')}</th>
              <th>{t('evidence.col.reason')}</th>
              <th>{t('evidence.col.raw')}</th>
            </tr>
          </thead>
          <tbody aria-busy={loading}>
            {shown.map((reject) => (
              <tr key={reject.id} data-testid="reject-row">
                <td className="num">{reject.line}</td>
                <td data-testid="reject-reason">{displayValue(say(reject.reason_code, reject.reason))}</td>
                <td>
                  <code className="raw-inline">{displayValue(reject.raw)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <footer className="dialog-footer">
        <span className="muted">
          {shown.length ? t('evidence.range', { from: formatCount(offset + 1), to: formatCount(last), total: formatCount(evidence.rejected) }) : ''}
        </span>
        <button type="button" disabled={offset === 0 || loading} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('evidence.previous')}
        </button>
        <button
          type="button"
          disabled={loading || shown.length < PAGE || last >= evidence.rejected}
          onClick={() => {
            const lastRow = shown[shown.length - 1];
            if (lastRow) setCursors([...cursors, { line: Number(lastRow.line), id: Number(lastRow.id) }]);
          }}
        >
          {t('evidence.next')}
        </button>
      </footer>
    </dialog>
  );
}
