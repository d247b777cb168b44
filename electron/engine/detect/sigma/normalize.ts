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

export function normalizeValue(kind: Normalizer, value: string): string {
  return kind === 'registry' ? normalizeRegistryPath(value) : urlExtension(value);
}
