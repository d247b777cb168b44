// FortiGate CLI (FortiOS 7.x): one `config firewall address` entry per blockable indicator
// (ipmask for addresses and networks, fqdn for domains and the hosts of URLs), IPv6 in
// `config firewall address6`, then an address group of them to reference in a deny policy.
// FortiOS limits object names to 79 characters and comments to 255; values are double-quoted
// with backslash and quote escaped, so a value can never end the string early. Hashes cannot
// be firewall addresses: they are listed as skipped (a `#` comment line at the top).
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { isIpv4, isIpv6 } from '../../formats/net';
import { urlHost } from '../../detect/ioc/classify';
import { eventList, type ContainmentInput, type ContainmentOutput } from './types';

export const FORTI_NAME_MAX = 79;
const COMMENT_MAX = 255;

/** A quoted FortiOS CLI string. */
export function fortiQuote(s: string): string {
  return `"${s.replace(/[\r\n\t]+/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An object name of at most 79 characters; a shortened one keeps a digest so names stay unique. */
export function fortiName(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f"\\]/g, '_');
  if (clean.length <= FORTI_NAME_MAX) return clean;
  const digest = createHash('sha256').update(s).digest('hex').slice(0, 8);
  return `${clean.slice(0, FORTI_NAME_MAX - 9)}~${digest}`;
}

function mask(bits: number): string {
  const m = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [24, 16, 8, 0].map((s) => (m >>> s) & 255).join('.');
}

interface Entry {
  name: string;
  v6: boolean;
  lines: string[];
}

export function fortigateList(input: ContainmentInput): ContainmentOutput {
  const skipped: ContainmentOutput['skipped'] = [];
  const entries = new Map<string, Entry>();
  for (const ind of input.indicators) {
    const comment = `Tracelight ${input.case.name}: ${ind.source || ind.type} ${ind.value}; events ${eventList(ind.event_ids)}`.slice(0, COMMENT_MAX);
    let target = ind.value;
    let kind = ind.type;
    if (ind.type === 'url') {
      target = urlHost(ind.value);
      kind = isIpv4(target) || isIpv6(target) ? 'ip' : 'domain';
    }
    let entry: Entry | null = null;
    if (kind === 'ip' || kind === 'cidr') {
      const [addr, len] = target.split('/');
      if (isIpv4(addr!)) {
        const bits = len === undefined ? 32 : Number(len);
        entry = { name: fortiName(`tl-${target}`), v6: false, lines: ['set type ipmask', `set subnet ${addr} ${mask(bits)}`] };
      } else if (isIpv6(addr!)) {
        entry = { name: fortiName(`tl-${target}`), v6: true, lines: [`set ip6 ${addr}/${len ?? 128}`] };
      }
    } else if (kind === 'domain') {
      const ascii = domainToASCII(target) || target;
      entry = { name: fortiName(`tl-${ascii}`), v6: false, lines: ['set type fqdn', `set fqdn ${fortiQuote(ascii)}`] };
    } else {
      skipped.push({ value: ind.value, reason: `a ${ind.type} hash cannot be a firewall address` });
      continue;
    }
    if (!entry || entries.has(entry.name)) continue;
    entry.lines.push(`set comment ${fortiQuote(comment)}`);
    entries.set(entry.name, entry);
  }
  const out: string[] = [
    `# Tracelight containment list for case ${input.case.name.replace(/[\r\n]+/g, ' ')} (${input.case.caseId}), ${input.now}`,
    '# Only indicators an examiner confirmed. Review before applying; reference the address group in a deny policy.',
  ];
  for (const s of skipped) out.push(`# not included: ${s.value.replace(/[\r\n]+/g, ' ')} (${s.reason})`);
  const group = fortiName(`tl-block-${input.case.name}`);
  for (const v6 of [false, true]) {
    const list = [...entries.values()].filter((e) => e.v6 === v6);
    if (!list.length) continue;
    out.push(v6 ? 'config firewall address6' : 'config firewall address');
    for (const e of list) {
      out.push(`    edit ${fortiQuote(e.name)}`);
      for (const l of e.lines) out.push(`        ${l}`);
      out.push('    next');
    }
    out.push('end');
    out.push(v6 ? 'config firewall addrgrp6' : 'config firewall addrgrp');
    out.push(`    edit ${fortiQuote(v6 ? fortiName(`${group}-v6`) : group)}`);
    out.push(`        set member ${list.map((e) => fortiQuote(e.name)).join(' ')}`);
    out.push(`        set comment ${fortiQuote(`Tracelight ${input.case.name}: confirmed indicators`.slice(0, COMMENT_MAX))}`);
    out.push('    next');
    out.push('end');
  }
  return { text: `${out.join('\n')}\n`, skipped };
}
