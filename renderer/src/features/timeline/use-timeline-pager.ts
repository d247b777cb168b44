import { useEffect, useReducer, useState } from 'react';
import { useClient } from '../../client/connection-context';
import type { EventFilter } from '../../contracts';
import { TimelinePager } from './timeline-pager';

/** One pager per mounted timeline, re-queried when the filter or the data version changes. */
export function useTimelinePager(filter: EventFilter | undefined, version: number): TimelinePager {
  const client = useClient();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [pager] = useState(
    () =>
      new TimelinePager(
        {
          count: (f) => client.call('events.count', { filter: f }),
          page: (f, offset, limit) => client.call('events.page', { filter: f, offset, limit }),
        },
        rerender,
      ),
  );
  useEffect(() => pager.setQuery(filter, version), [pager, filter, version]);
  useEffect(() => () => pager.dispose(), [pager]);
  return pager;
}
