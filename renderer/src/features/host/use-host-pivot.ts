import { useCallback } from 'react';
import { useT } from '../../i18n';
import { useInvestigation } from '../pivots/investigation';
import './strings';

/** "Show this host in the timeline": a pivot on host:"NAME" (no time window). */
export function useHostPivot(onShown: () => void): (host: string) => void {
  const t = useT();
  const inv = useInvestigation();
  return useCallback(
    (host: string) => {
      const query = `host:"${host.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
      inv.applyPivot({ kind: 'host-time', field: 'host', values: [host], filter: { query }, count: 0, hosts: 1 }, t('host.title', { host }));
      onShown();
    },
    [inv, t, onShown],
  );
}
