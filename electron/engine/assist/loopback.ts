// The optional model must run on this machine: an endpoint is accepted only when its host is
// a loopback address (127.0.0.0/8, ::1) or a name that resolves only to loopback addresses,
// and the connection then goes to the address that was checked (no second lookup a changed
// DNS answer could redirect).
import { lookup } from 'node:dns/promises';
import net from 'node:net';

export class EndpointError extends Error {
  override name = 'EndpointError';
}

export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '');
  if (net.isIPv4(a)) return a.split('.')[0] === '127';
  if (net.isIPv6(a)) {
    const lower = a.toLowerCase();
    if (lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    return mapped ? isLoopbackAddress(mapped[1]!) : false;
  }
  return false;
}

export interface CheckedEndpoint {
  url: URL;
  /** The loopback address to connect to. */
  address: string;
  family: 4 | 6;
}

export async function checkEndpoint(endpoint: string): Promise<CheckedEndpoint> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointError(`invalid model endpoint "${endpoint}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EndpointError(`model endpoint must be http(s), not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host)) {
    if (!isLoopbackAddress(host)) throw new EndpointError(`model endpoint ${host} is not a loopback address; only a model on this machine may be used`);
    return { url, address: host, family: net.isIPv6(host) ? 6 : 4 };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new EndpointError(`model endpoint host "${host}" does not resolve`);
  }
  const outside = addresses.filter((a) => !isLoopbackAddress(a.address));
  if (addresses.length === 0 || outside.length) {
    throw new EndpointError(`model endpoint "${host}" resolves to ${outside.map((a) => a.address).join(', ') || 'nothing'}, not loopback; only a model on this machine may be used`);
  }
  return { url, address: addresses[0]!.address, family: addresses[0]!.family === 6 ? 6 : 4 };
}
