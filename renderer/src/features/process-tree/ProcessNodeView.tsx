import { useState } from 'react';
import type { EventRow, ProcessNode } from '../../contracts';
import { useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';

interface Props {
  node: ProcessNode;
  onSelect(id: number): void;
}

function eventSummary(e: EventRow): string {
  const what = e.url ?? e.domain ?? (e.dst_ip !== null ? `${e.dst_ip}${e.dst_port !== null ? `:${e.dst_port}` : ''}` : null) ?? e.file_path ?? e.registry_path ?? e.message ?? '';
  return `${String(e.time).slice(11, 19)} ${e.category}/${e.action ?? ''} ${what ?? ''}`;
}

/** One process: name, pid, command line, how it was linked, its events and attributed traffic. */
export function ProcessNodeView({ node, onSelect }: Props) {
  const t = useT();
  const [open, setOpen] = useState(node.focus);
  const hasDetail = node.events.length + node.attributed.length > 0;
  return (
    <li className={node.focus ? 'ptree-node focus' : 'ptree-node'} data-testid="ptree-node" data-name={node.name ?? ''} data-focus={node.focus || undefined}>
      <div className="ptree-head">
        <button
          type="button"
          className="link-button ptree-name mono"
          onClick={() => node.logged && onSelect(node.startEventId)}
          disabled={!node.logged}
          title={node.logged ? t('tree.selectEvent', { id: node.startEventId }) : t('tree.notLogged')}
        >
          {displayValue(node.name ?? '?')}
        </button>
        {node.pid !== null && <span className="mono muted">{t('tree.pid', { pid: node.pid })}</span>}
        <span className="mono muted">{node.start}</span>
        {!node.logged && <span className="ptree-badge">{t('tree.notLogged')}</span>}
        {node.linkedBy !== 'none' && <span className="ptree-badge">{t(`tree.linked.${node.linkedBy}`)}</span>}
      </div>
      {node.commandLine && <div className="ptree-cmd mono wrap-anywhere">{displayValue(node.commandLine)}</div>}
      {hasDetail && (
        <button type="button" className="link-button ptree-toggle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="ptree-toggle">
          {open ? '▾' : '▸'} {t('tree.events', { count: node.events.length })}
          {node.attributed.length > 0 && ` · ${t('tree.attributed', { count: node.attributed.length })}`}
        </button>
      )}
      {open && hasDetail && (
        <ul className="ptree-events">
          {node.events.map((e) => (
            <li key={e.id} data-testid="ptree-event">
              <button type="button" className="link-button mono wrap-anywhere" onClick={() => onSelect(Number(e.id))}>
                {displayValue(eventSummary(e))}
              </button>
            </li>
          ))}
          {node.attributed.map((a) => (
            <li key={`a${a.event.id}`} className={`attributed ${a.method}`} data-testid="ptree-attributed" data-method={a.method}>
              <button type="button" className="link-button mono wrap-anywhere" onClick={() => onSelect(Number(a.event.id))}>
                {displayValue(eventSummary(a.event))}
              </button>
              <span className="ptree-why">{t(`tree.method.${a.method}`, { via: a.via ?? '' })}</span>
            </li>
          ))}
        </ul>
      )}
      {node.children.length > 0 && (
        <ul className="ptree-children">
          {node.children.map((c) => (
            <ProcessNodeView key={c.key + c.startEventId} node={c} onSelect={onSelect} />
          ))}
        </ul>
      )}
    </li>
  );
}
