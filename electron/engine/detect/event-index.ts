// Which events belong to which host, and which name which domain, collected during the one
// scan so the story can read an infected host's events by id (primary-key lookups) instead of
// scanning a million rows once per question: event_row has no index on host or domain, and
// the case must not be altered by detection.
import { normalizeUrl, urlHost } from './ioc/classify';
import type { ScanRow } from './scan';
import { eventsById, type StoryEvent } from './story/events';
import { hostKey } from './story/hosts';
import type { CaseStore } from '../store/case-store';

export class EventIndex {
  private byActor = new Map<string, number[]>();
  private byDomain = new Map<string, number[]>();
  private actorKeys = new Map<string, string>();
  private domainKeys = new Map<string, string>();

  visit = (row: ScanRow): void => {
    const actor = row.host ?? row.src_ip;
    if (actor) {
      let key = this.actorKeys.get(actor);
      if (key === undefined) this.actorKeys.set(actor, (key = hostKey(actor)));
      const list = this.byActor.get(key);
      if (list) list.push(row.id);
      else this.byActor.set(key, [row.id]);
    }
    if (row.url) {
      const raw = row.domain ?? row.url;
      let key = this.domainKeys.get(raw);
      if (key === undefined) {
        const n = row.domain ? null : normalizeUrl(row.url.includes('://') ? row.url : `http://${row.url}`);
        key = row.domain ? row.domain.toLowerCase() : n ? urlHost(n) : '';
        // URLs without a domain column are mostly unique: cache only the domain column's values.
        if (row.domain) this.domainKeys.set(raw, key);
      }
      if (key) {
        const list = this.byDomain.get(key);
        if (list) list.push(row.id);
        else this.byDomain.set(key, [row.id]);
      }
    }
  };

  private cache = new Map<string, StoryEvent[]>();

  /** Every event of one host (by host key, or address for an unnamed host), in time order; read once. */
  eventsOf(store: CaseStore, key: string): StoryEvent[] {
    let list = this.cache.get(key);
    if (!list) this.cache.set(key, (list = sorted(eventsById(store, this.byActor.get(key) ?? []))));
    return list;
  }

  /** Events with a URL on one of these hosts (lower-case domain or address), in time order. */
  domainEvents(store: CaseStore, domains: Iterable<string>): StoryEvent[] {
    const ids: number[] = [];
    for (const d of domains) for (const id of this.byDomain.get(d.toLowerCase()) ?? []) ids.push(id);
    return sorted(eventsById(store, ids));
  }
}

function sorted(m: Map<number, StoryEvent>): StoryEvent[] {
  return [...m.values()].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.id - b.id));
}
