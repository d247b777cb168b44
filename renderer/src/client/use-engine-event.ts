import { useEffect, useRef } from 'react';
import type { EngineEventName, EngineEvents } from '../contracts';
import { useClient } from './connection-context';

/** Subscribes for the component's lifetime; the latest callback is used without resubscribing. */
export function useEngineEvent<E extends EngineEventName>(
  name: E,
  callback: (payload: EngineEvents[E]) => void,
): void {
  const client = useClient();
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  useEffect(() => client.on(name, (payload) => latest.current(payload)), [client, name]);
}
