// Palo Alto Networks external dynamic list (URL type): one entry per line, addresses and
// networks as written, domains as names, URLs without their scheme (PAN-OS URL lists take
// host/path), non-ASCII names in their ASCII (punycode) form. No comments: a URL list entry
// is the whole line. Hashes cannot be EDL entries and are reported as skipped.
import { domainToASCII } from 'node:url';
import type { ContainmentInput, ContainmentOutput } from './types';

function urlEntry(value: string): string | null {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return null;
  }
  const port = u.port ? `:${u.port}` : '';
  const path = u.pathname === '/' && !u.search ? '' : `${u.pathname}${u.search}`;
  return `${u.hostname}${port}${path}`;
}

export function edlList(input: ContainmentInput): ContainmentOutput {
  const skipped: ContainmentOutput['skipped'] = [];
  const lines = new Set<string>();
  for (const ind of input.indicators) {
    let entry: string | null = null;
    if (ind.type === 'ip' || ind.type === 'cidr') entry = ind.value;
    else if (ind.type === 'domain') entry = domainToASCII(ind.value) || null;
    else if (ind.type === 'url') entry = urlEntry(ind.value);
    if (!entry || /\s/.test(entry)) {
      skipped.push({ value: ind.value, reason: ind.type === 'url' || ind.type === 'domain' ? 'not expressible as an EDL entry' : `a ${ind.type} hash cannot be an EDL entry` });
      continue;
    }
    lines.add(entry);
  }
  return { text: [...lines].map((l) => `${l}\n`).join(''), skipped };
}
