// RFC 4122 (9562) name-based UUIDs, version 5: the same indicator of the same case gets the same
// id on every export, so a threat-intelligence platform importing a second export updates the
// objects instead of duplicating them.
import { createHash } from 'node:crypto';

/** Tracelight's namespace for the ids of exported objects (a fixed random UUIDv4). */
export const TRACELIGHT_NAMESPACE = '6f1c7d3e-2b8a-4c51-9e0d-8a4f2c6b1e73';

export function uuidv5(name: string, namespace = TRACELIGHT_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
