import { useEngineCall } from '../../client/use-engine-call';
import { useT } from '../../i18n';
import { ProcessNodeView } from './ProcessNodeView';
import './process-tree.css';
import './strings';

/** The process tree of the selected event's process (opens from any event naming a process). */
export function ProcessTreePanel({ eventId, onSelect }: { eventId: number; onSelect(id: number): void }) {
  const t = useT();
  const { value, error, loading } = useEngineCall('process.tree', { eventId });
  if (error) return <p className="error-text" role="alert">{error}</p>;
  if (!value) return <p className="muted" aria-busy={loading}>…</p>;
  return (
    <section className="ptree" data-testid="process-tree" aria-busy={loading}>
      <h3>{t('tree.title')}</h3>
      {!value.root ? (
        <p className="muted">{t('tree.none')}</p>
      ) : (
        <>
          <p className="muted" data-testid="ptree-summary">{t('tree.summary', { nodes: value.nodes, ancestors: value.ancestors })}</p>
          <p className="muted wrap-anywhere">
            {value.hostAddresses.length ? t('tree.addresses', { list: value.hostAddresses.join(', ') }) : t('tree.noAddresses')}
          </p>
          {value.truncated && <p className="warn-text">{t('tree.truncated')}</p>}
          <ul className="ptree-root">
            <ProcessNodeView node={value.root} onSelect={onSelect} />
          </ul>
        </>
      )}
    </section>
  );
}
