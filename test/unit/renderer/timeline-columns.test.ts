import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, type EventRow } from '../../../electron/common/schema';
import { endpoint, TIMELINE_COLUMNS } from '../../../renderer/src/features/timeline/timeline-columns';

function row(fields: Partial<EventRow>): EventRow {
  const empty = Object.fromEntries(EVENT_COLUMNS.map((c) => [c, null])) as EventRow;
  return { ...empty, ...fields };
}

const text = (id: string, r: EventRow) => TIMELINE_COLUMNS.find((c) => c.id === id)!.text(r);

describe('timeline columns', () => {
  it('shows the columns the brief lists, in order', () => {
    expect(TIMELINE_COLUMNS.map((c) => c.id)).toEqual([
      'time', 'host', 'user', 'category', 'action', 'process_name', 'src_ip', 'dst', 'url', 'message',
    ]);
  });

  it('joins destination address and port, bracketing IPv6', () => {
    expect(endpoint('198.51.100.7', 8080)).toBe('198.51.100.7:8080');
    expect(endpoint('2001:db8::1', 443)).toBe('[2001:db8::1]:443');
    expect(endpoint('198.51.100.7', null)).toBe('198.51.100.7');
    expect(endpoint(null, null)).toBe('');
    expect(text('dst', row({ dst_ip: '10.0.0.9', dst_port: 443 }))).toBe('10.0.0.9:443');
  });

  it('prefers the URL and falls back to the domain', () => {
    expect(text('url', row({ url: 'http://evil.example/a.doc', domain: 'evil.example' }))).toBe(
      'http://evil.example/a.doc',
    );
    expect(text('url', row({ domain: 'evil.example' }))).toBe('evil.example');
  });

  it('shows the time exactly as the engine gives it and nulls as empty', () => {
    expect(text('time', row({ time: '2026-10-05T00:12:41.000Z' }))).toBe('2026-10-05T00:12:41.000Z');
    expect(text('user', row({}))).toBe('');
  });
});
