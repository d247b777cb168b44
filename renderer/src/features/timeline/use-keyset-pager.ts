import { useEffect, useReducer, useState } from 'react';
import { useClient } from '../../client/connection-context';
import type { EventFilter, EventSort } from '../../contracts';
import { KeysetPager } from './keyset-pager';

/** One pager per mounted timeline, re-queried when the filter, sort or data version changes. */
export function useKeysetPager(filter: EventFilter | undefined, version: number, sort: EventSort): KeysetPager {
  const client = useClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [pager] = useState(
    () =>
      new KeysetPager(
        {
          count: (f) => client.call('events.count', { filter: f }),
          page: (f, s, at, limit) => client.call('events.keyset', { ...(f ? { filter: f } : {}), sort: s, at, limit }),
        },
        rerender,
      ),
  );
  useEffect(() => pager.setQuery(filter, version, sort), [pager, filter, version, sort]);
  return pager;
}
