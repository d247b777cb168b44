import { useCallback, useSyncExternalStore } from 'react';
import { useClient } from './connection-context';

/** Why the engine connection was lost, or null while it is up. */
export function useDisconnectReason(): string | null {
  const client = useClient();
  const subscribe = useCallback((notify: () => void) => client.onClose(notify), [client]);
  return useSyncExternalStore(subscribe, () => client.closed);
}
