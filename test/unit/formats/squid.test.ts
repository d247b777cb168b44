import { describe, expect, it } from 'vitest';
import { squidFormat } from '../../../electron/engine/formats/squid';
import type { ParsedEvent, ParseOutcome } from '../../../electron/engine/formats/types';
import { readSampleLines, textSample } from '../helpers/samples';

const ctx = { fileName: 'access.log', timezone: 'Asia/Tokyo', baseYear: 2024 };

function parseAll(lines: string[]): { events: ParsedEvent[]; rejects: string[]; outcomes: ParseOutcome[] } {
  const parser = squidFormat.createParser(ctx);
  const events: ParsedEvent[] = [];
  const rejects: string[] = [];
  const outcomes = lines.map((l, i) => parser.parseLine(l, i + 1));
  for (const o of outcomes) {
    if (o.kind === 'events') events.push(...o.events);
    else if (o.kind === 'reject') rejects.push(o.reason);
  }
  return { events, rejects, outcomes };
}

function one(line: string): ParsedEvent {
  const out = squidFormat.createParser(ctx).parseLine(line, 1);
  if (out.kind !== 'events') throw new Error(`expected an event, got ${JSON.stringify(out)}`);
  expect(out.events).toHaveLength(1);
  return out.events[0]!;
}

function rejectReason(line: string): string {
  const out = squidFormat.createParser(ctx).parseLine(line, 1);
  if (out.kind !== 'reject') throw new Error(`expected a reject, got ${JSON.stringify(out)}`);
  return out.reason;
}

describe('squid: real sample logscale_squid_access.log', () => {
  const lines = readSampleLines('squid_native', 'logscale_squid_access.log');

  it('is sniffed as Squid', () => {
    expect(squidFormat.sniff(textSample('x.log', lines))).toBeGreaterThanOrEqual(0.9);
  });

  it('parses every line: 5 events, 0 rejects', () => {
    const { events, rejects } = parseAll(lines);
    expect(rejects).toEqual([]);
    expect(events).toHaveLength(5);
  });

  it('maps the first line field by field', () => {
    const { events } = parseAll(lines);
    expect(events[0]).toEqual({
      ts: Date.parse('2023-08-08T17:15:39.857Z'),
      timeRaw: '1691514939.857',
      timeZone: 'UTC',
      category: 'web',
      action: 'GET',
      src_ip: '172.16.1.21',
      dst_ip: '2.19.117.168',
      url: 'http://clientconfig.akamai.steamstatic.com/appinfo/443030/sha/743a4cabc856d443ec7aa581c1434e504577.txt.gz',
      domain: 'clientconfig.akamai.steamstatic.com',
      http_status: 200,
      bytes_in: 3705,
      duration_ms: 68,
      extra: {
        result_code: 'TCP_MISS',
        hierarchy: 'HIER_DIRECT',
        mime_type: 'application/gzip',
      },
    });
  });

  it('maps CONNECT host:port, and a dash mime type is omitted', () => {
    const e = parseAll(lines).events[4]!;
    expect(e.action).toBe('CONNECT');
    expect(e.url).toBe('gateway.icloud.com:443');
    expect(e.domain).toBe('gateway.icloud.com');
    expect(e.dst_port).toBe(443);
    expect(e.dst_ip).toBe('17.250.81.66');
    expect(e).toMatchObject({ http_status: 200, bytes_in: 27732, duration_ms: 30901 });
    expect(e.extra).toEqual({ result_code: 'TCP_TUNNEL', hierarchy: 'HIER_DIRECT' });
    expect(e.ts).toBe(Date.parse('2023-08-08T19:17:07.882Z'));
  });

  it('leaves dst_ip unset for HIER_NONE/- and keeps the 503 status', () => {
    const e = parseAll(lines).events[2]!;
    expect(e.dst_ip).toBeUndefined();
    expect(e.http_status).toBe(503);
    expect(e.extra).toMatchObject({ result_code: 'TCP_MISS', hierarchy: 'HIER_NONE', mime_type: 'text/html' });
    expect(e.user).toBeUndefined();
  });

  it('has no HTTP status when Squid received no reply (000)', () => {
    const e = one('1691514939.857 5 10.0.0.5 TCP_MISS_ABORTED/000 0 GET http://a.example/ - HIER_DIRECT/192.0.2.10 -');
    expect(e.http_status).toBeUndefined();
    expect(e.extra).toMatchObject({ result_code: 'TCP_MISS_ABORTED' });
  });

  it('ignores the file time zone (epoch is UTC)', () => {
    const utc = squidFormat.createParser({ ...ctx, timezone: 'UTC' }).parseLine(lines[0]!, 1);
    const tokyo = squidFormat.createParser(ctx).parseLine(lines[0]!, 1);
    expect(utc).toEqual(tokyo);
  });
});

describe('squid: documented variants', () => {
  it('reads the log_mime_hdrs header blobs', () => {
    const e = one(
      '1691514939.857     68 10.0.0.5 TCP_MISS/200 3705 GET http://a.example/ - HIER_DIRECT/192.0.2.10 text/html [Host: a.example\\r\\nUser-Agent: Mozilla/5.0 (Windows NT 10.0)\\r\\n] [HTTP/1.1 200 OK\\r\\n]',
    );
    expect(e.extra).toMatchObject({
      mime_type: 'text/html',
      request_headers: 'Host: a.example\\r\\nUser-Agent: Mozilla/5.0 (Windows NT 10.0)\\r\\n',
      reply_headers: 'HTTP/1.1 200 OK\\r\\n',
    });
  });

  it('keeps a parent proxy as extra.peer, not as the destination', () => {
    const e = one('1691514939.857 5 10.0.0.5 TCP_MISS/200 10 GET http://a.example/ - FIRSTUP_PARENT/10.9.9.9 text/html');
    expect(e.dst_ip).toBeUndefined();
    expect(e.extra).toMatchObject({ hierarchy: 'FIRSTUP_PARENT', peer: '10.9.9.9' });
  });

  it('takes a client host name (log_fqdn) as host and an authenticated user', () => {
    const e = one('1691514939.857 5 wks-07.acme.local TCP_DENIED/407 3900 GET http://a.example/ alice HIER_NONE/- text/html');
    expect(e.host).toBe('wks-07.acme.local');
    expect(e.src_ip).toBeUndefined();
    expect(e.user).toBe('alice');
  });

  it('reads IPv6 clients and bracketed IPv6 URLs with ports', () => {
    const e = one('1691514939.857 5 2001:db8::5 TCP_MISS/200 10 GET http://[2001:db8::80]:8080/x - HIER_DIRECT/2001:db8::80 text/plain');
    expect(e.src_ip).toBe('2001:db8::5');
    expect(e.dst_ip).toBe('2001:db8::80');
    expect(e.dst_port).toBe(8080);
    expect(e.domain).toBeUndefined();
  });

  it('takes no host from a pseudo-URL such as error:invalid-request', () => {
    const e = one('1691514939.857 0 10.0.0.5 NONE_NONE/400 3900 NONE error:invalid-request - HIER_NONE/- text/html');
    expect(e).toMatchObject({ action: 'NONE', url: 'error:invalid-request', http_status: 400, extra: { result_code: 'NONE_NONE' } });
    expect(e.domain).toBeUndefined();
    expect(e.dst_port).toBeUndefined();
  });

  it('takes an explicit URL port and ignores userinfo', () => {
    const e = one('1691514939.857 5 10.0.0.5 TCP_MISS/200 10 GET http://user:pw@c2.example:8443/gate.php - HIER_DIRECT/198.51.100.7 -');
    expect(e.domain).toBe('c2.example');
    expect(e.dst_port).toBe(8443);
  });
});

describe('squid: hostile and broken input', () => {
  it('rejects a truncated line with a reason', () => {
    expect(rejectReason('1691514939.857     68 172.16.1.21 TCP_MISS/200 3705 GET http://a.example/x')).toMatch(
      /expected at least 10 space-separated fields/,
    );
    expect(rejectReason('1691514939.857 68 172.16.1.21 TCP_MISS/200 3705 GET http://a.example/ - HIER_DIRECT/1.2.3.4')).toMatch(
      /found 9/,
    );
  });

  it('rejects a bad timestamp, result code or byte count', () => {
    expect(rejectReason('16915x4939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://a/ - HIER_NONE/- -')).toMatch(/bad timestamp/);
    expect(rejectReason('1691514939.857 68 10.0.0.1 tcp_miss/200 3 GET http://a/ - HIER_NONE/- -')).toMatch(/bad result code/);
    expect(rejectReason('1691514939.857 68 10.0.0.1 TCP_MISS/20 3 GET http://a/ - HIER_NONE/- -')).toMatch(/bad result code/);
    expect(rejectReason('1691514939.857 68 10.0.0.1 TCP_MISS/200 -3 GET http://a/ - HIER_NONE/- -')).toMatch(/bad byte count/);
  });

  it('skips blank lines', () => {
    expect(squidFormat.createParser(ctx).parseLine('   ', 1)).toEqual({ kind: 'skip' });
  });

  it('parses a 1 MB URL without loss', () => {
    const url = `http://big.example/${'A'.repeat(1024 * 1024)}`;
    const e = one(`1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET ${url} - HIER_DIRECT/192.0.2.1 text/html`);
    expect(e.url).toBe(url);
    expect(e.domain).toBe('big.example');
  });

  it('passes formula and script payloads through as plain, unaltered data', () => {
    const formula = "=cmd|' /C calc'!A0";
    const script = '<script>alert(document.cookie)</script>';
    const e = one(`1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://x.example/${script} =cmd|'/C HIER_DIRECT/192.0.2.1 ${formula}`);
    expect(e.url).toBe(`http://x.example/${script}`);
    expect(e.user).toBe("=cmd|'/C");
    expect(e.extra?.mime_type).toBe(formula);
  });

  it('preserves non-ASCII (Japanese) users and URLs', () => {
    const e = one('1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://請求書.example/請求書.doc 山田太郎 HIER_DIRECT/192.0.2.1 application/msword');
    expect(e.user).toBe('山田太郎');
    expect(e.url).toBe('http://請求書.example/請求書.doc');
    expect(e.domain).toBe('請求書.example');
  });
});

describe('squid: sniff', () => {
  it('still recognises a log with a few corrupted lines', () => {
    const lines = readSampleLines('squid_native', 'logscale_squid_access.log');
    const damaged = [lines[0]!, 'garbage', lines[1]!, lines[2]!.slice(0, 30), lines[3]!];
    const c = squidFormat.sniff(textSample('x', damaged));
    expect(c).toBeGreaterThanOrEqual(0.5);
    expect(c).toBeLessThan(squidFormat.sniff(textSample('x', lines)));
  });

  it('refuses other formats and garbage', () => {
    const reject = (lines: string[]) => expect(squidFormat.sniff(textSample('x', lines))).toBe(0);
    reject(['{"ts":1691514939.857,"uid":"C1"}']);
    reject(['date=2017-11-15 time=11:44:16 type="traffic"']);
    reject(['hello world this is a line of text with enough words to pass ten']);
    // The first line must fit, and at least half of them.
    reject(['not squid', '1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://a/ - HIER_NONE/- -']);
    reject(['1691514939.857 68 10.0.0.1 TCP_MISS/200 3 GET http://a/ - HIER_NONE/- -', 'not squid', 'nor this']);
    reject(['\u0000\u0001\u0002\ufffd\ufffd ElfFile \u0003']);
    reject([]);
  });
});
