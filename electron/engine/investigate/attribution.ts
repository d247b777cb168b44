// Tying a host's proxy and firewall events to the process that caused them. Proxy and
// firewall logs name an address, never a process; the EDR names the process and its
// connections. Two ways, reported with each event so the examiner can weigh them:
// - edr-connection: a process in the tree made a connection within CONNECTION_SLACK_MS of
//   the logged event, to the same destination address, or (for proxy logs, which name the
//   origin server, not the proxy) to a private address on a proxy port;
// - host-time: no EDR connection matches, but the event comes from the host (by name or one of
//   its addresses) while the focus process ran; weaker, said so in the UI.
import type { AttributedEvent } from '../../common/investigate';
import type { EventRow } from '../../common/schema';
import type { CaseStore } from '../store/case-store';
import type { TreeEvent } from './process-events';

const CONNECTION_SLACK_MS = 5000;
/** How long after its last logged event a process is still taken to be running. */
const LINGER_MS = 60_000;
const MAX_CANDIDATES = 5000;
const WIDE_WINDOW_MS = 6 * 3_600_000;
export const PROXY_PORTS = new Set([3128, 8080, 8000, 8008, 8888, 9090, 9400, 9480]);

export function isPrivateAddress(ip: string | null): boolean {
  if (!ip) return false;
  if (/^10\./.test(ip) || /^192\.168\./.test(ip) || /^127\./.test(ip)) return true;
  const m = /^172\.(\d+)\./.exec(ip);
  if (m && Number(m[1]) >= 16 && Number(m[1]) <= 31) return true;
  return /^f[cd][0-9a-f]{2}:/i.test(ip) || ip === '::1';
}

/** The host's addresses: the EDR's IP-to-host map, and the sources its own events name. */
export function hostAddresses(store: CaseStore, host: string): string[] {
  const mapped = store.all<{ ip: string }>('SELECT DISTINCT ip FROM ip_host WHERE host = ? COLLATE NOCASE', [host]).map((r) => r.ip);
  const seen = store
    .all<{ ip: string }>(
      `SELECT DISTINCT src_ip AS ip FROM event_row WHERE host = ? COLLATE NOCASE AND host_resolved = 0 AND src_ip IS NOT NULL
         AND category = 'network' AND (process_pid IS NOT NULL OR process_guid IS NOT NULL) LIMIT 50`,
      [host],
    )
    .map((r) => r.ip);
  return Array.from(new Set([...mapped, ...seen])).filter((ip) => ip && ip !== '0.0.0.0' && ip !== '::' && !/^127\./.test(ip) && ip !== '::1');
}

export interface TreeProcess<K> {
  key: K;
  start: string;
  events: TreeEvent[];
}

export function attributeTraffic<K>(
  store: CaseStore,
  host: string,
  addresses: string[],
  processes: TreeProcess<K>[],
  focus: TreeEvent,
): Map<K, AttributedEvent[]> {
  const out = new Map<K, AttributedEvent[]>();
  if (processes.length === 0) return out;
  let first = Infinity;
  let last = -Infinity;
  let focusLast = Date.parse(focus.time);
  const connections: { key: K; e: TreeEvent; ms: number }[] = [];
  for (const p of processes) {
    first = Math.min(first, Date.parse(p.start));
    for (const e of p.events) {
      const t = Date.parse(e.time);
      last = Math.max(last, t);
      if (e.category === 'network' && e.dst_ip) connections.push({ key: p.key, e, ms: t });
    }
    last = Math.max(last, Date.parse(p.start));
  }
  // The focus is the start event the tree was opened on (processes are keyed by their start).
  const focusProcess = processes.find((p) => (p.key as unknown) === focus || p.events.includes(focus)) ?? processes[0]!;
  for (const e of focusProcess.events) focusLast = Math.max(focusLast, Date.parse(e.time));
  const from = new Date(first - CONNECTION_SLACK_MS).toISOString();
  const to = new Date(last + LINGER_MS).toISOString();
  const addrSql = addresses.length ? ` OR src_ip IN (${addresses.map(() => '?').join(',')})` : '';
  // Over a long window a scan of the table beats walking the time index row by row.
  const wide = last + LINGER_MS - (first - CONNECTION_SLACK_MS) > WIDE_WINDOW_MS;
  const ids = store
    .all<{ id: number }>(
      `SELECT id FROM event_row ${wide ? 'NOT INDEXED' : ''} WHERE time >= ? AND time <= ?
         AND category IN ('web', 'firewall', 'network', 'dns')
         AND process_name IS NULL AND process_pid IS NULL AND process_guid IS NULL
         AND (host = ? COLLATE NOCASE${addrSql})
       ORDER BY time, id LIMIT ?`,
      [from, to, host, ...addresses, MAX_CANDIDATES],
    )
    .map((r) => r.id);
  const candidates: EventRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    candidates.push(...store.all<EventRow>(`SELECT * FROM events WHERE id IN (${chunk.map(() => '?').join(',')}) ORDER BY time, id`, chunk));
  }
  const focusStart = Date.parse(focusProcess.start);
  for (const w of candidates) {
    const t = Date.parse(String(w.time));
    let best: { key: K; e: TreeEvent; d: number } | null = null;
    for (const c of connections) {
      const d = Math.abs(c.ms - t);
      if (d > CONNECTION_SLACK_MS) continue;
      const sameDst = c.e.dst_ip === w.dst_ip;
      const viaProxy = w.category === 'web' && isPrivateAddress(c.e.dst_ip) && c.e.dst_port !== null && PROXY_PORTS.has(Number(c.e.dst_port));
      if ((sameDst || viaProxy) && (!best || d < best.d)) best = { key: c.key, e: c.e, d };
    }
    if (best) push(out, best.key, { event: w, method: 'edr-connection', via: best.e.id });
    else if (t >= focusStart && t <= focusLast + LINGER_MS) push(out, focusProcess.key, { event: w, method: 'host-time', via: null });
  }
  return out;
}

function push<K>(map: Map<K, AttributedEvent[]>, key: K, a: AttributedEvent): void {
  const list = map.get(key);
  if (list) list.push(a);
  else map.set(key, [a]);
}
