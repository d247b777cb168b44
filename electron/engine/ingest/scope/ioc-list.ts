// An indicator file for import scoping: one indicator per line (address, domain, URL, hash,
// file name, any text), blank lines and lines starting with '#' ignored, as the plain lists
// that threat-intel feeds and colleagues send. Matching is case-insensitive and by substring
// of the event's text fields, so a domain also matches the URLs on it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportScope } from './types';

export function readIndicatorList(file: string): NonNullable<ImportScope['indicators']> {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  const values = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#')))];
  if (values.length === 0) throw new Error(`${path.basename(file)}: no indicators in it`);
  return { file: path.resolve(file), sha256: createHash('sha256').update(bytes).digest('hex'), values };
}
