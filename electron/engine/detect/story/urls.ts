// Payload and phishing URLs, and everyone who accessed them. Payload URLs: the URLs a download
// cradle names (decoded -EncodedCommand included), executables and DLLs fetched by an infected
// host in the minutes after its chain ran, and indicator URLs that name a payload. Phishing
// URLs: the document an infected host fetched just before opening its lure, and indicator
// URLs that name a lure. "Clicked" is every host and user whose web traffic reached one.
import { decodeEncodedCommands } from '../sigma/powershell';
import { normalizeUrl, urlHost } from '../ioc/classify';
import { ms, type StoryEvent } from './events';
import { DOCUMENT_EXTENSIONS } from './lure';
import { actorEvents, type Actor, type StoryData } from './network';

const URL_IN_TEXT = /https?:\/\/[^\s"'`,;()<>|{}\\^]+/gi;
const EXECUTABLE_PATH = /\.(?:exe|dll|scr|cpl|ocx|msi|ps1|hta|vbs|jse?|bin)$/i;
const DOCUMENT_URL_PATH = new RegExp(`\\.(?:${DOCUMENT_EXTENSIONS}|zip|iso|img|lnk)$`, 'i');
/** A cradle fetches its payload within minutes of the macro running. */
const DOWNLOAD_WINDOW_MS = 10 * 60_000;
/** The lure was fetched within the hour before it was opened. */
const PHISH_WINDOW_MS = 60 * 60_000;

/** URLs written in a command line, its decoded -enc payloads included; "a@b" lists split. */
function urlsInCommandLine(commandLine: string): string[] {
  const texts = [commandLine, ...decodeEncodedCommands(commandLine)];
  const out: string[] = [];
  for (const t of texts) {
    for (const m of t.matchAll(URL_IN_TEXT)) {
      for (const part of m[0].split(/(?=https?:\/\/)/i)) {
        const u = part.replace(/[@.,;:!?]+$/, '');
        if (u.length > 10) out.push(u);
      }
    }
  }
  return out;
}

/** The path of a URL, percent-decoded where possible (請求書.doc arrives as %E8%AB%8B...). */
export function urlPath(url: string): string {
  const n = normalizeUrl(url) ?? url;
  const start = n.indexOf('/', n.indexOf('://') + 3);
  const path = start === -1 ? '' : n.slice(start).replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export class UrlSet {
  private map = new Map<string, string>();

  add(url: string): void {
    const n = normalizeUrl(url);
    if (n && !this.map.has(n)) this.map.set(n, url);
  }

  has(url: string): boolean {
    const n = normalizeUrl(url);
    return n !== null && this.map.has(n);
  }

  /** Exact URL, or a listed URL that is a prefix of it at a path or query boundary. */
  matches(url: string): string | null {
    const n = normalizeUrl(url);
    if (!n) return null;
    for (const [k] of this.map) {
      if (n === k || (n.startsWith(k) && (n[k.length] === '/' || n[k.length] === '?'))) return k;
    }
    return null;
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  /** The URLs as the evidence first wrote them (what the investigator reads), in key order. */
  written(): string[] {
    return [...this.map.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, v]) => v);
  }

  hosts(): string[] {
    return [...new Set(this.keys().map(urlHost))];
  }

  get size(): number {
    return this.map.size;
  }
}

/** Payload URLs named by the cradles of chain events. */
export function cradleUrls(chainEvents: readonly StoryEvent[], out: UrlSet): void {
  for (const e of chainEvents) {
    for (const cmd of [e.process_command_line, e.parent_process_command_line]) {
      if (cmd) for (const u of urlsInCommandLine(cmd)) out.add(u);
    }
  }
}

/** Executables fetched by infected hosts from minutes before to minutes after a chain event (a macro downloads, then runs). */
export function executableDownloads(data: StoryData, infected: readonly Actor[], chainTimes: ReadonlyMap<string, number[]>, out: UrlSet): void {
  const events = actorEvents(data, infected, (e) => e.url !== null && (e.category === 'web' || e.category === 'network' || e.category === 'file'));
  for (const [key, list] of events) {
    const times = chainTimes.get(key) ?? [];
    for (const e of list) {
      if (!EXECUTABLE_PATH.test(urlPath(e.url!))) continue;
      const t = ms(e.time);
      if (times.some((c) => t >= c - 5 * 60_000 && t <= c + DOWNLOAD_WINDOW_MS)) out.add(e.url!);
    }
  }
}

/** The document URL an infected host fetched before opening its lure. */
export function phishingUrls(data: StoryData, lures: readonly { actor: Actor; document: string | null; time: string }[], out: UrlSet): void {
  for (const l of lures) {
    const from = ms(l.time) - PHISH_WINDOW_MS;
    const to = ms(l.time) + 60_000;
    const lureName = l.document ? l.document.replace(/^.*[\\/]/, '').toLowerCase() : null;
    for (const e of data.index.eventsOf(data.store, l.actor.key)) {
      if (!e.url || (e.category !== 'web' && e.category !== 'network') || ms(e.time) < from || ms(e.time) > to) continue;
      const path = urlPath(e.url!);
      const name = path.replace(/^.*\//, '').toLowerCase();
      if ((lureName && name === lureName) || DOCUMENT_URL_PATH.test(path)) out.add(e.url!);
    }
  }
}

/** Sign-in and verification pages: what credential phishing serves (OWA's logon.aspx...). */
const CREDENTIAL_PAGE = /(?:^|[/_.-])(?:log[io]n|logon|signin|sign-in|auth|verify|account|owa|sso|password|webmail)(?:[/_.-]|$)/i;
const PAGE_PATH = /(?:\/|\.(?:aspx?|php\d?|html?|jsp|cgi))$/i;

/**
 * Indicator URLs told apart by what the feed says, else by the path: a lure document or a
 * sign-in page is phishing, an executable or archive (or a loader's extension-less path) a
 * payload, any other web page an indicator URL of its own kind (neither).
 */
export function classifyIocUrl(url: string, context: string | null): 'payload' | 'phishing' | 'other' {
  if (context && /phish|lure|maldoc|document|mail|credential|login|logon/i.test(context)) return 'phishing';
  if (context && /payload|dll|exe|loader|download|dropper/i.test(context)) return 'payload';
  const path = urlPath(url);
  if (DOCUMENT_URL_PATH.test(path) || CREDENTIAL_PAGE.test(path)) return 'phishing';
  if (EXECUTABLE_PATH.test(path) || /\.(?:zip|rar|7z|iso|img|cab|jar|ocx|bin|dat)$/i.test(path)) return 'payload';
  return PAGE_PATH.test(path) && path.length > 1 && /\.[a-z]+$/i.test(path) ? 'other' : 'payload';
}

export interface Click {
  host: string | null;
  user: string | null;
  src_ip: string | null;
  url: string;
  time: string;
  event_id: number;
}

/** Every host/user that reached one of the URLs (first access per actor and URL). */
export function clicked(data: StoryData, urls: UrlSet): Click[] {
  if (urls.size === 0) return [];
  const seen = new Set<string>();
  const out: Click[] = [];
  for (const e of data.index.domainEvents(data.store, urls.hosts())) {
    const hit = urls.matches(e.url!);
    if (!hit) continue;
    const key = `${(e.host ?? e.src_ip ?? '').toLowerCase()}|${hit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ host: e.host, user: e.user, src_ip: e.src_ip, url: e.url!, time: e.time, event_id: e.id });
  }
  return out;
}
