// Migration 3: the IP-to-host map built from EDR data, used to name the host behind an
// address in proxy, firewall, web and Zeek events (see ingest/resolve-hosts.ts).

export const migration003 = {
  version: 3,
  name: 'ip_host',
  sql: `
CREATE TABLE ip_host (
  ip           TEXT NOT NULL,
  host         TEXT NOT NULL,
  first_seen   TEXT NOT NULL,  -- first and last EDR event naming this host with this address
  last_seen    TEXT NOT NULL,
  window_start TEXT NOT NULL,  -- the span the mapping is trusted for (a day either side)
  window_end   TEXT NOT NULL,
  events       INTEGER NOT NULL
);
CREATE INDEX ip_host_ip ON ip_host (ip, window_start);
`,
};
