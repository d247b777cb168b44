import { useEffect, useState } from 'react';
import { useEngineCall } from '../../client/use-engine-call';
import { useEngineEvent } from '../../client/use-engine-event';
import type { FtsState } from '../../contracts';
import { useT } from '../../i18n';

/** Whether bare words use the full-text index yet (they scan while it is being built). */
export function FtsBadge({ version }: { version: number }) {
  const t = useT();
  const initial = useEngineCall('search.fts', {}, version);
  const [state, setState] = useState<FtsState | null>(null);
  useEffect(() => setState(initial.value ?? null), [initial.value]);
  useEngineEvent('search.fts', setState);
  if (!state) return null;
  const percent = state.state === 'ready' ? 100 : Math.floor((state.indexed / Math.max(1, state.total)) * 100);
  const label = state.state === 'ready' ? t('search.fts.ready') : state.state === 'building' ? t('search.fts.building', { percent }) : t('search.fts.unavailable');
  return (
    <span className={`fts-badge fts-${state.state}`} data-testid="fts-state" data-state={state.state} data-pending-indexes={state.pendingIndexes} title={label}>
      {state.state === 'ready' ? t('search.fts.shortReady') : state.state === 'building' ? t('search.fts.shortBuilding', { percent }) : t('search.fts.shortNone')}
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
