import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, type EventRow } from '../../../electron/common/schema';
import { endpoint, columnById } from '../../../renderer/src/features/timeline/timeline-columns';

function row(fields: Partial<EventRow>): EventRow {
  const empty = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, null])) as EventRow;
  return { ...empty, ...fields };
}

const text = (id: string, r: EventRow) => columnById(id)!.text(r);

describe('timeline columns', () => {
  it('joins destination address and port, bracketing IPv6', () => {
    expect(endpoint('198.51.100.7', 8080)).toBe('198.51.100.7:8080');
    expect(endpoint('2001:db8::1', 443)).toBe('[2001:db8::1]:443');
    expect(endpoint('198.51.100.7', null)).toBe('198.51.100.7');
    expect(endpoint(null, null)).toBe('');
    expect(text('dst', row({ dst_ip: '10.0.0.9', dst_port: 443 }))).toBe('10.0.0.9:443');
  });

  it('prefers the URL and falls back to the domain', () => {
    expect(text('url', row({ url: 'http://evil.example/a.doc', domain: 'evil.example' }))).toBe('http://evil.example/a.doc');
    expect(text('url', row({ domain: 'evil.example' }))).toBe('evil.example');
  });

  it('shows the time exactly as the engine gives it and nulls as empty', () => {
    expect(text('time', row({ time: '2026-10-05T00:12:41.000Z' }))).toBe('2026-10-05T00:12:41.000Z');
    expect(text('user', row({}))).toBe('');
  });

  it('puts times, addresses, ids, hashes and command lines in the monospace face', () => {
    for (const id of ['time', 'src_ip', 'dst', 'process_pid', 'hash', 'process_command_line']) expect(columnById(id)!.mono, id).toBe(true);
    for (const id of ['host', 'user', 'message']) expect(columnById(id)!.mono, id).toBe(false);
  });
});
