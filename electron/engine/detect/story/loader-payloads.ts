// The payload a LOLBin loaded. Excel 4.0 (XLM) lures and many Word macros do not run a
// PowerShell cradle that names its URL: the macro itself fetches the DLL (URLDownloadToFile)
// under a meaningless name (`..\oxnv1.ooccxx`) and starts `regsvr32 /s` or `rundll32 ...,
// DllRegisterServer` on it. The URL is then only in the proxy log, usually without an
// extension (`/wp-content/Tc6uF/`). What ties it to the chain is the host (by name, or its
// address resolved from EDR evidence), the time (minutes before the loader started), and
// what the proxy says it served: a binary (content type, or the loaded file's own name).
import { ms, type StoryEvent } from './events';
import type { StoryData } from './network';
import { urlPath } from './urls';

/** Smaller than this, an "executable" download is an error page or a stub. */
export const MIN_PAYLOAD_BYTES = 10_000;
export const PAYLOAD_TYPES =
  /^(?:application\/(?:octet-stream|x-msdownload|x-msdos-program|x-dosexec|x-executable|vnd\.microsoft\.portable-executable|x-ms-installer|x-msi|zip|x-zip-compressed|x-rar-compressed|vnd\.rar|x-7z-compressed|java-archive|x-java-archive|vnd\.ms-cab-compressed|x-iso9660-image|x-sharedlib|x-dll))\b/i;
export const PAYLOAD_PATH = /\.(?:exe|dll|scr|cpl|ocx|msi|bin|dat|zip|rar|7z|iso|img|cab|jar)$/i;
/** A macro fetches, then starts the loader, within minutes. */
const FETCH_BEFORE_LOADER_MS = 10 * 60_000;

const LOADER = /(?:^|[\\/])(regsvr32|rundll32)\.exe$/i;

/** A 2xx web reply of at least 10 KB that is a binary by its content type or its path. */
export function looksLikePayload(e: StoryEvent): boolean {
  if (!e.url || e.category !== 'web') return false;
  if (e.http_status !== null && (e.http_status < 200 || e.http_status >= 300)) return false;
  if (e.bytes_in !== null && e.bytes_in < MIN_PAYLOAD_BYTES) return false;
  return (e.content_type !== null && PAYLOAD_TYPES.test(e.content_type)) || PAYLOAD_PATH.test(urlPath(e.url));
}

/** The file a regsvr32/rundll32 command line loads (its base name, lower case), if it names one. */
export function loadedFile(commandLine: string): string | null {
  const args = commandLine.match(/"[^"]*"|\S+/g)?.slice(1) ?? [];
  const files = args.map((a) => a.replace(/^"|"$/g, '')).filter((a) => !/^[/-]/.test(a));
  const first = files[0]?.split(',')[0];
  if (!first) return null;
  return first.slice(Math.max(first.lastIndexOf('\\'), first.lastIndexOf('/')) + 1).toLowerCase() || null;
}

export interface LoaderPayload {
  event: StoryEvent;
  loader: StoryEvent;
}

/**
 * Per infected host, the web downloads its chain's regsvr32/rundll32 loaded: fetched by the host
 * in the ten minutes before the loader started, served as a binary or under the loaded file's
 * name.
 */
export function loaderPayloads(data: StoryData, chains: ReadonlyMap<string, readonly StoryEvent[]>): Map<string, LoaderPayload[]> {
  const out = new Map<string, LoaderPayload[]>();
  for (const [key, chain] of chains) {
    const loaders = chain.filter((e) => e.category === 'process' && e.process_name && LOADER.test(e.process_name.includes('.') ? e.process_name : `${e.process_name}.exe`));
    if (loaders.length === 0) continue;
    const web = data.index.eventsOf(data.store, key).filter((e) => e.url && e.category === 'web');
    const found: LoaderPayload[] = [];
    for (const l of loaders) {
      const t = ms(l.time);
      const file = l.process_command_line ? loadedFile(l.process_command_line) : null;
      for (const e of web) {
        const w = ms(e.time);
        if (w < t - FETCH_BEFORE_LOADER_MS || w > t + 30_000 || found.some((p) => p.event.id === e.id)) continue;
        const name = urlPath(e.url!).replace(/\/+$/, '').replace(/^.*\//, '').toLowerCase();
        if (looksLikePayload(e) || (file !== null && name === file && (e.http_status === null || (e.http_status >= 200 && e.http_status < 300)))) found.push({ event: e, loader: l });
      }
    }
    if (found.length) out.set(key, found);
  }
  return out;
}
