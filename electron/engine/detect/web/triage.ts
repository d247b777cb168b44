// Web-attack triage from what the collector gathered: who attacked (techniques in the requests,
// attack tools, 404 storms), which attempts worked, and which web shells were planted and used.
// A success is judged from the evidence an access log holds: a 2xx status, an answer outside
// the sizes that URL path returns to ordinary requests (a dumped table or a file appended to
// the page), and what the client did next (an upload followed by commands to a new script).
import { said, type Said } from '../said';
import type { WebAttacker, WebIncident, WebShell, WebSuccess, WebTechnique } from '../../../common/detect';
import type { WebClient, WebCollector, WebRequest } from './collector';

/** A scan: this many distinct paths answered 4xx to one client within SCAN_WINDOW_MS. */
export const SCAN_DISTINCT_MISSES = 20;
const SCAN_WINDOW_MS = 10 * 60_000;
/** An upload counts as the shell's when it came at most this long before the shell's first use. */
const UPLOAD_WINDOW_MS = 24 * 3600_000;
/** POSTs to a writable-folder script, without a visible command, that make it a shell. */
const SHELL_POSTS = 3;
/** A script under an upload folder used by many clients is the application's, not a shell. */
const SHELL_MAX_CLIENTS = 3;
const ORDER: WebTechnique[] = ['scanner', 'sqli', 'traversal', 'cmdi', 'xss', 'upload', 'webshell'];

const ok = (s: number | null) => s !== null && s >= 200 && s < 300;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? 0 : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
};

/** Did the client ask for many distinct paths that do not exist within a few minutes? */
function scanned(c: WebClient): boolean {
  if (c.crawler || c.misses.length < SCAN_DISTINCT_MISSES) return false;
  const misses = [...c.misses].sort((a, b) => a.ms - b.ms);
  let lo = 0;
  const inWindow = new Map<string, number>();
  for (const m of misses) {
    inWindow.set(m.path, (inWindow.get(m.path) ?? 0) + 1);
    while (m.ms - misses[lo]!.ms > SCAN_WINDOW_MS) {
      const p = misses[lo++]!.path;
      const n = inWindow.get(p)! - 1;
      if (n === 0) inWindow.delete(p);
      else inWindow.set(p, n);
    }
    if (inWindow.size >= SCAN_DISTINCT_MISSES) return true;
  }
  return false;
}

/** Why an attack request's answer shows it worked, or null. */
function successReason(r: WebRequest, t: WebTechnique, baseline: readonly number[] | undefined, attempts: readonly number[]): Said | null {
  if (!ok(r.status) || r.bytes === null || t === 'xss') return null; // a reflected script's effect is in the browser, not the log
  if (baseline && baseline.length >= 3) {
    const lo = Math.min(...baseline);
    const hi = Math.max(...baseline);
    const odd = () => said('web.success.size', { status: String(r.status), bytes: r.bytes!, lo, hi }, `${r.status}, ${r.bytes} bytes where ordinary requests to this path get ${lo}-${hi}`);
    if (r.bytes > hi * 1.2 + 256) return odd();
    if (t !== 'sqli' && r.bytes < lo * 0.5) return odd();
    return null;
  }
  // No ordinary requests to compare with: an answer far larger than the other attempts' answers.
  if (attempts.length >= 3) {
    const m = median(attempts);
    if (r.bytes > m * 1.5 + 256) return said('web.success.attempts', { status: String(r.status), bytes: r.bytes, m: Math.round(m) }, `${r.status}, ${r.bytes} bytes where the other attempts on this path got about ${Math.round(m)}`);
  }
  return null;
}

export interface WebTriage {
  incident: WebIncident;
  /** Attack request ids per attacker (for the findings). */
  eventIds: Map<string, number[]>;
}

export function triageWeb(col: WebCollector): WebTriage {
  const techniques = new Map<string, Set<WebTechnique>>();
  const eventIds = new Map<string, number[]>();
  const note = (ip: string, t: WebTechnique, id?: number) => {
    let s = techniques.get(ip);
    if (!s) techniques.set(ip, (s = new Set()));
    s.add(t);
    if (id !== undefined) {
      const ids = eventIds.get(ip) ?? [];
      if (ids.length < 1000) ids.push(id);
      eventIds.set(ip, ids);
    }
  };
  const successes: WebSuccess[] = [];
  const successCount = new Map<string, number>();
  const firstSuccess = new Set<string>();
  const success = (r: { ms: number; time: string; ip: string; url: string; status: number | null; bytes: number | null; id: number }, t: WebTechnique, why: Said) => {
    successCount.set(r.ip, (successCount.get(r.ip) ?? 0) + 1);
    const key = `${r.ip}\u0000${t}\u0000${r.url.replace(/\?.*$/s, '')}`;
    if (firstSuccess.has(key)) return;
    firstSuccess.add(key);
    successes.push({ time: r.time, ip: r.ip, technique: t, url: r.url, status: r.status, bytes: r.bytes, event_id: r.id, reason: why.text, reason_code: why.coded });
  };

  for (const c of col.clients.values()) {
    if (c.tools.size > 0 || scanned(c)) {
      note(c.ip, 'scanner');
      for (const m of c.misses.slice(0, 200)) note(c.ip, 'scanner', m.id);
    }
  }

  const kept = [...col.kept].sort((a, b) => a.ms - b.ms || a.id - b.id);
  const attemptSizes = new Map<string, number[]>();
  for (const r of kept) if (r.techniques.length > 0 && ok(r.status) && r.bytes !== null) attemptSizes.set(r.path, [...(attemptSizes.get(r.path) ?? []), r.bytes]);
  for (const r of kept) {
    for (const t of r.techniques) {
      note(r.ip, t, r.id);
      const why = successReason(r, t, col.baseline.get(r.path), attemptSizes.get(r.path) ?? []);
      if (why) success(r, t, why);
    }
  }

  const webshells = findShells(kept, col, note, success);
  const attackers: WebAttacker[] = [];
  for (const [ip, set] of techniques) {
    const c = col.clients.get(ip)!;
    attackers.push({
      ip,
      first: c.firstTime,
      last: c.lastTime,
      requests: c.requests,
      techniques: ORDER.filter((t) => set.has(t)),
      successes: successCount.get(ip) ?? 0,
      ...(c.tools.size > 0 ? { tools: [...c.tools].sort() } : {}),
    });
  }
  attackers.sort((a, b) => a.first.localeCompare(b.first) || a.ip.localeCompare(b.ip));
  successes.sort((a, b) => a.time.localeCompare(b.time) || a.event_id - b.event_id);
  return { incident: { attackers, successes, webshells }, eventIds };
}

type Note = (ip: string, t: WebTechnique, id?: number) => void;
type Success = (r: { ms: number; time: string; ip: string; url: string; status: number | null; bytes: number | null; id: number }, t: WebTechnique, why: Said) => void;

/** Scripts in writable folders that took commands, or were POSTed to again and again. */
function findShells(kept: readonly WebRequest[], col: WebCollector, note: Note, success: Success): WebShell[] {
  const byPath = new Map<string, WebRequest[]>();
  for (const r of kept) {
    if (!r.writableScript) continue;
    const k = r.path.toLowerCase();
    byPath.set(k, [...(byPath.get(k) ?? []), r]);
  }
  const out: WebShell[] = [];
  for (const list of byPath.values()) {
    const answered = list.filter((r) => ok(r.status));
    if (answered.length === 0) continue; // probes for a shell that is not there
    const withCommands = answered.filter((r) => r.commands.length > 0);
    const posts = answered.filter((r) => r.method === 'POST');
    const ips = [...new Set(answered.map((r) => r.ip))];
    if (withCommands.length === 0 && (posts.length < SHELL_POSTS || ips.length > SHELL_MAX_CLIENTS)) continue;
    const used = withCommands.length > 0 ? withCommands : posts;
    const users = [...new Set(used.map((r) => r.ip))];
    const commands: string[] = [];
    for (const r of withCommands) for (const cmd of r.commands) if (!commands.includes(cmd)) commands.push(cmd);
    const first = answered[0]!;
    for (const r of used) {
      note(r.ip, 'webshell', r.id);
      success({ ...r }, 'webshell', r.commands.length > 0 ? said('web.success.command', { status: String(r.status), command: r.commands[0]! }, `${r.status}: command ${r.commands[0]} run through the script`) : said('web.success.post', { status: String(r.status) }, `${r.status}: POST to a script in an upload folder`));
    }
    // The upload that planted it: a POST by one of its users shortly before its first use.
    for (const ip of users) {
      const c = col.clients.get(ip);
      const up = c?.posts
        .filter((p) => p.path.toLowerCase() !== first.path.toLowerCase() && p.ms <= first.ms && first.ms - p.ms <= UPLOAD_WINDOW_MS && p.status !== null && p.status < 400)
        .sort((a, b) => b.ms - a.ms)[0];
      if (!up) continue;
      note(ip, 'upload', up.id);
      success({ ms: up.ms, time: new Date(up.ms).toISOString(), ip, url: up.path, status: up.status, bytes: null, id: up.id }, 'upload', said('web.success.upload', { path: first.path }, `upload followed by requests to ${first.path}`));
    }
    out.push({ path: first.path, first_seen: first.time, ips: users, commands, event_ids: used.slice(0, 200).map((r) => r.id) });
  }
  return out.sort((a, b) => a.first_seen.localeCompare(b.first_seen));
}
