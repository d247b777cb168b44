// One line that says what an event was, for Timesketch's `message` and the report's tagged
// evidence: who (host, user), what (category/action), and the object acted on.

export interface SummaryFields {
  host?: unknown;
  user?: unknown;
  category?: unknown;
  action?: unknown;
  process_name?: unknown;
  process_command_line?: unknown;
  url?: unknown;
  domain?: unknown;
  src_ip?: unknown;
  src_port?: unknown;
  dst_ip?: unknown;
  dst_port?: unknown;
  file_path?: unknown;
  registry_path?: unknown;
  message?: unknown;
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

function endpoint(ip: unknown, port: unknown): string | null {
  const i = text(ip);
  if (!i) return null;
  const p = text(port);
  return p ? (i.includes(':') ? `[${i}]:${p}` : `${i}:${p}`) : i;
}

/** The object of the event: command line, URL, connection, file, key, or the source's message. */
function eventObject(e: SummaryFields): string | null {
  const flow = endpoint(e.src_ip, e.src_port) && endpoint(e.dst_ip, e.dst_port) ? `${endpoint(e.src_ip, e.src_port)} -> ${endpoint(e.dst_ip, e.dst_port)}` : null;
  return (
    text(e.process_command_line) ??
    text(e.url) ??
    text(e.registry_path) ??
    text(e.file_path) ??
    (text(e.domain) && flow ? `${text(e.domain)} (${flow})` : null) ??
    flow ??
    text(e.domain) ??
    endpoint(e.dst_ip, e.dst_port) ??
    text(e.message) ??
    text(e.process_name)
  );
}

export function eventSummary(e: SummaryFields): string {
  const who = [text(e.host), text(e.user)].filter(Boolean).join(' / ');
  const what = [text(e.category), text(e.action)].filter(Boolean).join('/');
  const obj = eventObject(e);
  return [who ? `[${who}]` : null, what || null, obj].filter(Boolean).join(' ');
}
