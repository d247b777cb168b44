import { useEffect, useState } from 'react';
import type { Args, Method, Result } from '../contracts';
import { useClient } from './connection-context';
import { errorMessage } from './engine-error';

export interface CallState<T> {
  /** The last value received; kept while a refresh is under way so the UI does not flash. */
  value: T | undefined;
  error: string | null;
  loading: boolean;
}

/**
 * Calls `method` whenever its arguments (compared by value) or `refresh` change;
 * null args means "nothing to ask yet". Replies to superseded calls are ignored.
 */
export function useEngineCall<M extends Method>(
  method: M,
  args: Args<M> | null,
  refresh: unknown = 0,
): CallState<Result<M>> {
  const client = useClient();
  // Arguments travel as JSON anyway; their JSON is also a stable identity for the effect.
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<CallState<Result<M>>>({
    value: undefined,
    error: null,
    loading: key !== null,
  });

  useEffect(() => {
    if (key === null) {
      setState({ value: undefined, error: null, loading: false });
      return undefined;
    }
    let current = true;
    setState((s) => ({ ...s, error: null, loading: true }));
    client.call(method, JSON.parse(key) as Args<M>).then(
      (value) => {
        if (current) setState({ value, error: null, loading: false });
      },
      (error: unknown) => {
        if (current) setState((s) => ({ ...s, error: errorMessage(error), loading: false }));
      },
    );
    return () => {
      current = false;
    };
  }, [client, method, key, refresh]);

  return state;
}
