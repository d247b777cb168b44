import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function fileHashes(file: string): { sha256: string; sha1: string; md5: string } {
  const data = readFileSync(file);
  const h = (alg: string): string => createHash(alg).update(data).digest('hex');
  return { sha256: h('sha256'), sha1: h('sha1'), md5: h('md5') };
}
