// Who an event is about. Sources spell one machine differently (WKS-07, wks-07.acme.local,
// and proxy/firewall events resolved from an EDR's address map), so the story keys hosts by
// their lower-cased short name; an address stands in for a host no source named.
import { isIpv4, isIpv6 } from '../../formats/net';

export function hostKey(name: string): string {
  const n = name.trim().toLowerCase();
  if (isIpv4(n) || isIpv6(n)) return n;
  const dot = n.indexOf('.');
  return dot > 0 ? n.slice(0, dot) : n;
}

/** Remembers the first spelling of each host key (the name shown in the story). */
export class HostNames {
  private names = new Map<string, string>();

  note(name: string | null): string | null {
    if (!name) return null;
    const key = hostKey(name);
    if (!this.names.has(key)) this.names.set(key, name);
    return key;
  }

  display(key: string): string {
    return this.names.get(key) ?? key;
  }
}
