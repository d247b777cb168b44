// Proxy and firewall logs name addresses, not hosts. EDR data says which host had which
// local address when; this builds that map and fills `host` on network-side events from
// it, marking them host_resolved = 1 so the UI can tell a resolved name from a name the
// source wrote. Recomputed after every ingest: a later EDR file can name earlier proxy
// events, and DHCP may hand the same address to another host later.
import { FORMATS } from '../formats/registry';
import type { CaseStore } from '../store/case-store';
import { refreshField } from '../store/rollups/write';

/** Formats whose events name the host they ran on. */
const ENDPOINT_FAMILIES = new Set(['edr', 'windows']);
/** Events that say "this host used this source address". */
const ENDPOINT_NETWORK_CATEGORIES = "('network', 'dns', 'web')";
/** Events that name an address but not the host behind it. */
const NETWORK_SIDE_FAMILIES = new Set(['proxy', 'firewall', 'network', 'web']);

function formatIds(families: Set<string>): string {
  const ids = FORMATS.filter((f) => families.has(f.family)).map((f) => `'${f.id.replace(/'/g, "''")}'`);
  return `(${ids.length ? ids.join(', ') : "''"})`;
}

/** event_row ids per UPDATE of the resolution (see resolveHostsFromIps). */
const RANGE_ROWS = 16_384;

/**
 * Runs `sql` (an UPDATE of event_row whose WHERE ends in AND) over ids [from, from + RANGE_ROWS)
 * range by range, calling `between` after each range. A resolution touches events spread over
 * the whole case; one statement kept the original of every page it changed in the in-memory
 * rollback journal until the transaction ended (~90 MiB for 6k events resolved in a 2M-event
 * case, growing with it). Ranges of consecutive ids are consecutive pages, so an ingest that
 * commits between them (`between`) holds only one range's pages. Returns the rows changed.
 */
function updateByRanges(store: CaseStore, sql: string, between: (() => void) | undefined): number {
  const last = Number(store.scalar('SELECT coalesce(max(id), 0) FROM event_row'));
  let changed = 0;
  for (let from = Number(store.scalar('SELECT coalesce(min(id), 0) FROM event_row')); from <= last; from += RANGE_ROWS) {
    store.db.run(`${sql} id >= ? AND id < ?`, [from, from + RANGE_ROWS]);
    changed += Number(store.scalar('SELECT changes()'));
    between?.();
  }
  return changed;
}

/**
 * Returns how many events were given a host. `between`, when given, is called between the
 * ranges the UPDATEs are cut in (the ingest commits there: ingest-checkpoints.ts).
 */
export function resolveHostsFromIps(store: CaseStore, between?: () => void): number {
  const db = store.db;
  // Each statement below reads every event of the case (a GB for a million EDR rows): the
  // ones that cannot change anything are skipped. Without evidence that names addresses but
  // not hosts, nothing is resolved, and nothing was resolved before.
  const networkSide = store.scalar(`SELECT EXISTS (SELECT 1 FROM evidence WHERE format IN ${formatIds(NETWORK_SIDE_FAMILIES)})`) === 1;
  const hadResolved = networkSide && store.scalar('SELECT EXISTS (SELECT 1 FROM event_row WHERE host_resolved = 1)') === 1;
  db.exec('DELETE FROM ip_host');
  // Counted through a small keyed table (one row per address and host) rather than GROUP BY:
  // without an index SQLite's GROUP BY sorts every EDR row first, and with temp_store = MEMORY
  // that sort held ~100 bytes per EDR event in memory (hundreds of MiB at 20M events). The
  // upsert keeps memory to the number of pairs. Same figures; rows in (ip, host) order as the
  // GROUP BY gave them, so ties between hosts resolve as before.
  db.exec(`
    DROP TABLE IF EXISTS temp.ip_host_count;
    CREATE TEMP TABLE ip_host_count (ip TEXT NOT NULL, host TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
                                     events INTEGER NOT NULL, PRIMARY KEY (ip, host));
    INSERT INTO temp.ip_host_count (ip, host, first_seen, last_seen, events)
    SELECT e.src_ip, e.host, e.time, e.time, 1
    FROM event_row e JOIN evidence v ON v.id = e.evidence_id
    WHERE v.format IN ${formatIds(ENDPOINT_FAMILIES)}
      AND e.host IS NOT NULL AND e.host_resolved = 0 AND e.src_ip IS NOT NULL
      AND e.category IN ${ENDPOINT_NETWORK_CATEGORIES}
    ON CONFLICT (ip, host) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen),
      last_seen = max(last_seen, excluded.last_seen), events = events + 1;
    INSERT INTO ip_host (ip, host, first_seen, last_seen, window_start, window_end, events)
    SELECT ip, host, first_seen, last_seen,
           strftime('%Y-%m-%dT%H:%M:%fZ', first_seen, '-1 day'),
           strftime('%Y-%m-%dT%H:%M:%fZ', last_seen, '+1 day'),
           events
    FROM temp.ip_host_count ORDER BY ip, host;
    DROP TABLE temp.ip_host_count;`);
  const mapped = Number(store.scalar('SELECT count(*) FROM ip_host'));
  if (hadResolved) updateByRanges(store, 'UPDATE event_row SET host = NULL, host_resolved = 0 WHERE host_resolved = 1 AND', between);
  if (mapped === 0 || !networkSide) {
    if (hadResolved) refreshHostRollups(store);
    return 0;
  }
  // Where two hosts held the address in overlapping windows, the one seen most often wins.
  // The addresses as a keyed table: `IN (SELECT ip FROM ip_host)` would build its lookup again
  // for every range.
  db.exec('DROP TABLE IF EXISTS temp.resolve_ip; CREATE TEMP TABLE resolve_ip (ip TEXT PRIMARY KEY) WITHOUT ROWID; INSERT OR IGNORE INTO temp.resolve_ip SELECT ip FROM ip_host');
  const changed = updateByRanges(
    store,
    `UPDATE event_row
    SET host = (SELECT m.host FROM ip_host m
                WHERE m.ip = event_row.src_ip AND event_row.time BETWEEN m.window_start AND m.window_end
                ORDER BY m.events DESC LIMIT 1),
        host_resolved = 1
    WHERE host IS NULL AND src_ip IN temp.resolve_ip
      AND evidence_id IN (SELECT id FROM evidence WHERE format IN ${formatIds(NETWORK_SIDE_FAMILIES)})
      AND EXISTS (SELECT 1 FROM ip_host m
                  WHERE m.ip = event_row.src_ip AND event_row.time BETWEEN m.window_start AND m.window_end) AND`,
    between,
  );
  db.exec('DROP TABLE temp.resolve_ip');
  if (changed > 0 || hadResolved) refreshHostRollups(store);
  return changed;
}

/** Hosts were filled or cleared on network-side files: their host counts are recounted. */
function refreshHostRollups(store: CaseStore): void {
  const ids = store
    .all<{ id: number }>(`SELECT id FROM evidence WHERE format IN ${formatIds(NETWORK_SIDE_FAMILIES)}`)
    .map((r) => Number(r.id));
  refreshField(store, 'host', ids);
}
