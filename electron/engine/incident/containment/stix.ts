// A STIX 2.1 bundle (OASIS STIX 2.1, §3 and §9): one `indicator` per confirmed indicator, with
// a STIX pattern (§9) over the observable it names, valid_from at its first sighting, and its
// source events in the description and in x_tracelight_* properties. Ids are
// `indicator--<UUIDv5>` of case id + indicator (stable across exports; the bundle's own id is
// a fresh UUIDv4), timestamps RFC 3339 UTC with milliseconds.
import { randomUUID } from 'node:crypto';
import { isIpv6 } from '../../formats/net';
import { eventList, type ConfirmedIndicator, type ContainmentInput, type ContainmentOutput } from './types';
import { uuidv5 } from './uuid';

/** A STIX pattern string literal: backslash and quote escaped (§9.3). */
export function stixString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function stixPattern(i: ConfirmedIndicator): string {
  const ipKind = (v: string) => (isIpv6(v.split('/')[0]!) ? 'ipv6-addr' : 'ipv4-addr');
  switch (i.type) {
    case 'ip':
      return `[${ipKind(i.value)}:value = ${stixString(i.value)}]`;
    case 'cidr':
      return `[${ipKind(i.value)}:value ISSUBSET ${stixString(i.value)}]`;
    case 'domain':
      return `[domain-name:value = ${stixString(i.value)}]`;
    case 'url':
      return `[url:value = ${stixString(i.value)}]`;
    case 'sha256':
      return `[file:hashes.'SHA-256' = ${stixString(i.value)}]`;
    case 'sha1':
      return `[file:hashes.'SHA-1' = ${stixString(i.value)}]`;
    case 'md5':
      return `[file:hashes.MD5 = ${stixString(i.value)}]`;
  }
}

/** RFC 3339 UTC with milliseconds, as the spec's timestamp type wants. */
const ts = (iso: string): string => new Date(iso).toISOString();

export function stixBundle(input: ContainmentInput): ContainmentOutput {
  const objects = input.indicators.map((i) => {
    const confirmed = ts(i.confirmed.time);
    const description =
      `Confirmed by ${i.confirmed.examiner} at ${confirmed} in Tracelight case "${input.case.name}" (${input.case.caseId}). ` +
      `Source: ${i.source || 'examiner'}. Source events: ${eventList(i.event_ids) || 'none recorded'}` +
      (i.first_seen ? `; first seen ${i.first_seen}, last seen ${i.last_seen}` : '') +
      (i.hosts.length ? `; hosts: ${i.hosts.join(', ')}` : '') +
      (i.port !== null ? `; port ${i.port}` : '') +
      (i.confirmed.comment ? `. Comment: ${i.confirmed.comment}` : '.');
    return {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${uuidv5(`${input.case.caseId}\u0000${i.type}\u0000${i.value}`)}`,
      created: confirmed,
      modified: confirmed,
      name: `${i.type} ${i.value}`,
      description,
      indicator_types: ['malicious-activity'],
      pattern: stixPattern(i),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: ts(i.first_seen ?? i.confirmed.time),
      labels: [`tracelight-source:${i.source || 'examiner'}`],
      x_tracelight_case_id: input.case.caseId,
      x_tracelight_event_ids: i.event_ids,
      x_tracelight_hosts: i.hosts,
    };
  });
  const bundle = { type: 'bundle', id: `bundle--${randomUUID()}`, objects };
  return { text: `${JSON.stringify(bundle, null, 2)}\n`, skipped: [] };
}
