import type { AskAnswer as Answer, AskValue } from '../../contracts';
import { useT } from '../../i18n';
import { useInvestigation } from '../pivots/investigation';
import { requestPivotMenu } from '../pivots/pivot-commands';

// One answer: why line, engine, the rows (each opens the event it cites), cited ids. A row
// opens its event in the detail panel; a row of a process event also opens the workspace's
// process tree, and every row offers the workspace's pivot menu for its event.
interface Props {
  answer: Answer;
  selectedId: number | null;
  onSelect(id: number): void;
}

/** The events a row stands for: its id, or its group's id list. */
function rowIds(row: Record<string, AskValue>): number[] {
  if (typeof row.id === 'number') return [row.id];
  if (row.event_ids === null || row.event_ids === undefined) return [];
  return String(row.event_ids)
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

export function AskAnswer({ answer, selectedId, onSelect }: Props) {
  const t = useT();
  const { setSideTab } = useInvestigation();
  const columns = answer.columns.filter((c) => c !== 'event_ids');
  const processes = new Set(answer.process_ids);
  const open = (id: number, tab: 'detail' | 'tree') => {
    onSelect(id);
    setSideTab(tab);
  };
  return (
    <div className="assist-answer">
      <p className="assist-why" data-testid="assist-why">
        <strong>{t('assist.why')}:</strong> {answer.explanation}
      </p>
      <p className="muted">
        {t('assist.engine')}: <code data-testid="assist-engine">{answer.engine}</code> · {t('assist.rows', { n: answer.rows.length })} ·{' '}
        {t('assist.cited', { n: answer.event_ids.length })}
      </p>
      {answer.truncated && <p className="muted">{t('assist.truncated', { n: answer.rows.length })}</p>}
      {answer.rows.length === 0 ? (
        <p className="muted">{t('assist.noRows')}</p>
      ) : (
        <div className="assist-table-wrap">
          <table className="assist-rows" data-testid="assist-rows">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c}>{c}</th>
                ))}
                <th>{t('assist.col.eventIds')}</th>
                <th>{t('assist.col.open')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.rows.map((row, i) => {
                const ids = rowIds(row);
                const first = ids[0];
                // The row's process event, if it cites one: its tree is what an analyst opens next.
                const proc = ids.find((id) => processes.has(id));
                return (
                  <tr key={i} className={ids.includes(selectedId ?? -1) ? 'selected' : undefined} data-testid="assist-row" onClick={() => first !== undefined && open(proc ?? first, proc !== undefined ? 'tree' : 'detail')}>
                    {columns.map((c) => {
                      // Long values (reasons, command lines) are cut here and whole in the tooltip,
                      // so the cited events and the actions stay in view.
                      const text = row[c] === null ? '' : String(row[c]);
                      return (
                        <td key={c} className="assist-cell" title={text.length > 60 ? text : undefined}>
                          {text}
                        </td>
                      );
                    })}
                    <td>
                      {ids.slice(0, 8).map((id) => (
                        <button
                          key={id}
                          type="button"
                          className="link-button"
                          data-testid="assist-event-link"
                          data-event-id={id}
                          title={t('assist.openEvent', { id })}
                          onClick={(e) => {
                            e.stopPropagation();
                            open(id, 'detail');
                          }}
                        >
                          #{id}
                        </button>
                      ))}
                      {ids.length > 8 && <span className="muted"> +{ids.length - 8}</span>}
                    </td>
                    <td className="assist-row-actions">
                      {proc !== undefined && (
                        <button
                          type="button"
                          className="link-button"
                          data-testid="assist-open-tree"
                          data-event-id={proc}
                          onClick={(e) => {
                            e.stopPropagation();
                            open(proc, 'tree');
                          }}
                        >
                          {t('assist.openTree')}
                        </button>
                      )}
                      {first !== undefined && (
                        <button
                          type="button"
                          className="link-button"
                          data-testid="assist-pivot"
                          data-event-id={proc ?? first}
                          onClick={(e) => {
                            e.stopPropagation();
                            onSelect(proc ?? first);
                            const r = e.currentTarget.getBoundingClientRect();
                            requestPivotMenu({ eventId: proc ?? first, x: r.left, y: r.bottom + 4 });
                          }}
                        >
                          {t('assist.pivot')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
