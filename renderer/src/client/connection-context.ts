import { createContext, useContext } from 'react';
import type { Connection } from './connect';
import type { EngineClient } from './engine-client';

export const ConnectionContext = createContext<Connection | null>(null);

export function useConnection(): Connection {
  const connection = useContext(ConnectionContext);
  if (!connection) throw new Error('useConnection outside <ConnectionContext>');
  return connection;
}

export function useClient(): EngineClient {
  return useConnection().client;
}
