// Which family of sources a view shows, so the grid can offer that family's columns: a proxy
// log wants URL and status, an EDR export the command line and parent. Keyed by format id.

export type SourceFamily = 'mixed' | 'proxy' | 'firewall' | 'edr' | 'windows' | 'webserver' | 'network';

export const SOURCE_FAMILIES: readonly SourceFamily[] = ['mixed', 'proxy', 'firewall', 'edr', 'windows', 'webserver', 'network'];

const PREFIXES: [string, SourceFamily][] = [
  ['squid', 'proxy'],
  ['bluecoat', 'proxy'],
  ['zscaler', 'proxy'],
  ['fortigate', 'firewall'],
  ['pfsense', 'firewall'],
  ['cisco-asa', 'firewall'],
  ['panos', 'firewall'],
  ['netfilter', 'firewall'],
  ['windows-firewall', 'firewall'],
  ['carbonblack', 'edr'],
  ['defender', 'edr'],
  ['crowdstrike', 'edr'],
  ['evtx', 'windows'],
  ['windows-event', 'windows'],
  ['winlogbeat', 'windows'],
  ['ncsa', 'webserver'],
  ['iis', 'webserver'],
  ['zeek', 'network'],
];

/** The family of one format id; 'mixed' for timelines and generic files (any shape). */
export function familyOfFormat(format: string): SourceFamily {
  // windows-firewall must not fall into the Windows events family: longest prefix wins.
  let best: [string, SourceFamily] | undefined;
  for (const entry of PREFIXES) {
    if (format.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : 'mixed';
}

const CATEGORY_FAMILY: Record<string, SourceFamily> = { process: 'edr', firewall: 'firewall', web: 'proxy' };

/**
 * The family of a view: every evidence format in one family, or a category filter that names
 * one; otherwise 'mixed'.
 */
export function viewFamily(formats: readonly string[], category?: string): SourceFamily {
  if (category && CATEGORY_FAMILY[category]) return CATEGORY_FAMILY[category]!;
  const families = new Set(formats.map(familyOfFormat));
  return families.size === 1 ? [...families][0]! : 'mixed';
}

/**
 * The family the query bar narrows the view to: a switched-on, not inverted `category:` or
 * `source_format:` clause (so filtering to the proxy's events brings the proxy layout), else null.
 */
export function queryFamily(chips: readonly { text: string; enabled: boolean; negated: boolean }[]): SourceFamily | null {
  for (const c of chips) {
    if (!c.enabled || c.negated) continue;
    const m = /^(category|source_format):"?([\w.-]+)"?$/i.exec(c.text.trim());
    if (!m) continue;
    const family = m[1]!.toLowerCase() === 'category' ? CATEGORY_FAMILY[m[2]!.toLowerCase()] : familyOfFormat(m[2]!.toLowerCase());
    if (family && family !== 'mixed') return family;
  }
  return null;
}
