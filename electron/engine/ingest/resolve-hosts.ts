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

/** Returns how many events were given a host. */
export function resolveHostsFromIps(store: CaseStore): number {
  const db = store.db;
  // Each statement below reads every event of the case (a GB for a million EDR rows): the
  // ones that cannot change anything are skipped. Without evidence that names addresses but
  // not hosts, nothing is resolved, and nothing was resolved before.
  const networkSide = store.scalar(`SELECT EXISTS (SELECT 1 FROM evidence WHERE format IN ${formatIds(NETWORK_SIDE_FAMILIES)})`) === 1;
  const hadResolved = networkSide && store.scalar('SELECT EXISTS (SELECT 1 FROM event_row WHERE host_resolved = 1)') === 1;
  db.exec('DELETE FROM ip_host');
  db.exec(`
    INSERT INTO ip_host (ip, host, first_seen, last_seen, window_start, window_end, events)
    SELECT e.src_ip, e.host, min(e.time), max(e.time),
           strftime('%Y-%m-%dT%H:%M:%fZ', min(e.time), '-1 day'),
           strftime('%Y-%m-%dT%H:%M:%fZ', max(e.time), '+1 day'),
           count(*)
    FROM event_row e JOIN evidence v ON v.id = e.evidence_id
    WHERE v.format IN ${formatIds(ENDPOINT_FAMILIES)}
      AND e.host IS NOT NULL AND e.host_resolved = 0 AND e.src_ip IS NOT NULL
      AND e.category IN ${ENDPOINT_NETWORK_CATEGORIES}
    GROUP BY e.src_ip, e.host`);
  const mapped = Number(store.scalar('SELECT count(*) FROM ip_host'));
  if (hadResolved) db.exec('UPDATE event_row SET host = NULL, host_resolved = 0 WHERE host_resolved = 1');
  if (mapped === 0 || !networkSide) {
    if (hadResolved) refreshHostRollups(store);
    return 0;
  }
  // Where two hosts held the address in overlapping windows, the one seen most often wins.
  db.exec(`
    UPDATE event_row
    SET host = (SELECT m.host FROM ip_host m
                WHERE m.ip = event_row.src_ip AND event_row.time BETWEEN m.window_start AND m.window_end
                ORDER BY m.events DESC LIMIT 1),
        host_resolved = 1
    WHERE host IS NULL AND src_ip IN (SELECT ip FROM ip_host)
      AND evidence_id IN (SELECT id FROM evidence WHERE format IN ${formatIds(NETWORK_SIDE_FAMILIES)})
      AND EXISTS (SELECT 1 FROM ip_host m
                  WHERE m.ip = event_row.src_ip AND event_row.time BETWEEN m.window_start AND m.window_end)`);
  const changed = Number(store.scalar('SELECT changes()'));
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
