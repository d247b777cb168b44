// Value normalizers named by the mapping (`normalize:`), so one rule reads every source alike.
import type { Normalizer } from './mapping';

// Registry roots as Defender (HKEY_LOCAL_MACHINE\...), Carbon Black (\REGISTRY\MACHINE\...)
// and Sysmon (HKLM\..., HKU\<SID>\...) write them -> Sysmon's short forms, which Sigma rules
// are written against. Defender's HKEY_CURRENT_USER\<SID>\ is the user's hive under HKU.
const HIVES: [RegExp, string][] = [
  [/^(?:HKEY_LOCAL_MACHINE|\\REGISTRY\\MACHINE)(?=\\|$)/i, 'HKLM'],
  [/^(?:HKEY_CURRENT_USER|HKEY_USERS|\\REGISTRY\\USER)(?=\\|$)/i, 'HKU'],
  [/^(?:HKEY_CLASSES_ROOT)(?=\\|$)/i, 'HKCR'],
  [/^(?:HKEY_CURRENT_CONFIG)(?=\\|$)/i, 'HKCC'],
];

function normalizeRegistryPath(p: string): string {
  for (const [re, short] of HIVES) if (re.test(p)) return p.replace(re, short);
  return p;
}

/** The extension of a URL's last path segment, without the dot ('' when it has none). */
function urlExtension(url: string): string {
  let path = url.replace(/[?#].*$/s, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  const last = path.slice(path.lastIndexOf('/') + 1);
  const dot = last.lastIndexOf('.');
  return dot <= 0 ? '' : last.slice(dot + 1);
}

/** The query of a URL as written (no '?'; '' when it has none): W3C's cs-uri-query. */
export function urlQuery(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? '' : url.slice(q + 1).replace(/#.*$/s, '');
}

/** The path of a URL as written (scheme, authority and query dropped): W3C's cs-uri-stem. */
export function urlStem(url: string): string {
  let path = url.replace(/[?#].*$/s, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length) || '/';
  return path;
}

export function normalizeValue(kind: Normalizer, value: string): string {
  switch (kind) {
    case 'registry':
      return normalizeRegistryPath(value);
    case 'url_extension':
      return urlExtension(value);
    case 'url_query':
      return urlQuery(value);
    case 'url_stem':
      return urlStem(value);
  }
}
