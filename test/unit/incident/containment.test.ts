// Containment lists: only what the examiner confirmed, each with its source events, in formats
// checked by parsers of those formats (a FortiOS CLI grammar, the STIX 2.1 rules and the repo's
// STIX loader, the MISP core format's required fields and the repo's MISP loader, a CSV parser).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIndicatorContent } from '../../../electron/engine/detect/ioc/load';
import { fortigateList } from '../../../electron/engine/incident/containment/fortigate';
import type { ContainmentInput } from '../../../electron/engine/incident/containment/types';
import { REPO_ROOT } from '../helpers/cli';
import { buildCases, cli } from './cases';
import { checkMispEvent, checkStixBundle, checkStixPattern, parseCsv, parseFortiCli } from './format-checkers';

const IOCS = path.join(REPO_ROOT, 'test/fixtures/incidents/scenario-a/emotet-iocs.csv');
const { dir, cases } = await buildCases(['scenario-a']);
const A = cases['scenario-a'];
const C2 = '198.51.100.23';
const PAYLOAD = 'http://shop-kobe.example/wp-content/x7';
const HASH = '9f1c0e2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100';
const PHISH = 'http://invoice-portal.example/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.doc';
const UNCONFIRMED = 'blog-nagoya.example';

function list(format: string): string {
  const r = cli(['iocs', A, '--format', format]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('confirming indicators (custody) and what goes into the lists', () => {
  it('nothing is listed before the examiner confirms anything', () => {
    const r = cli(['iocs', A, '--format', 'panos-edl']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no confirmed indicators/);
  });

  it('confirms by value (defanged too), recorded in the custody log', () => {
    const r = cli(['iocs', A, '--ioc', IOCS, '--confirm', '198.51.100[.]23', '--confirm', PAYLOAD, '--confirm', HASH, '--examiner', '山田 太郎']);
    expect(r.code, r.stderr).toBe(0);
    const c = cli(['iocs', A, '--ioc', IOCS, '--confirm', PHISH, '--comment', '=HYPERLINK("http://x.example","x")', '--examiner', '山田 太郎']);
    expect(c.code, c.stderr).toBe(0);
    const log = JSON.parse(cli(['custody', A, '--json']).stdout) as { entries: { action: string; details: { value?: string; eventIds?: number[] } }[] };
    const confirmed = log.entries.filter((e) => e.action === 'incident.indicator.confirmed');
    expect(confirmed.map((e) => e.details.value)).toEqual([C2, PAYLOAD, HASH, PHISH]);
    expect(confirmed[0]!.details.eventIds!.length).toBeGreaterThan(5);
    expect(cli(['iocs', A, '--confirm', 'not-in.example']).code).toBe(2);
  });
});

describe('FortiGate CLI', () => {
  it('parses back: ipmask and fqdn addresses, a group of exactly them, comments naming the events', () => {
    const text = list('fortigate');
    const objects = parseFortiCli(text);
    const addresses = objects.filter((o) => o.table === 'firewall address');
    const byName = new Map(addresses.map((o) => [o.name, o]));
    expect(byName.get(`tl-${C2}`)!.sets.get('type')).toEqual(['ipmask']);
    expect(byName.get(`tl-${C2}`)!.sets.get('subnet')).toEqual([C2, '255.255.255.255']);
    expect(byName.get('tl-shop-kobe.example')!.sets.get('fqdn')).toEqual(['shop-kobe.example']);
    expect(byName.get('tl-invoice-portal.example')!.sets.get('type')).toEqual(['fqdn']);
    expect(byName.get(`tl-${C2}`)!.sets.get('comment')![0]).toMatch(/events \d+, \d+/);
    expect([...byName.keys()].some((n) => n.includes(UNCONFIRMED))).toBe(false);
    for (const o of objects) expect(o.name.length).toBeLessThanOrEqual(79);
    const group = objects.find((o) => o.table === 'firewall addrgrp')!;
    expect(new Set(group.sets.get('member'))).toEqual(new Set(byName.keys()));
    expect(text).toMatch(new RegExp(`^# not included: ${HASH} `, 'm'));
  });

  it('quotes names and comments so no value can end a string, and keeps long names unique within 79 characters', () => {
    const long = `${'a'.repeat(70)}.evil.example`;
    const input: ContainmentInput = {
      case: { name: '請求書 "緊急" C:\\temp', caseId: 'c1', path: '/x' },
      severity: 'high',
      phase: 'containment',
      now: '2026-11-01T00:00:00.000Z',
      indicators: [long, `b${long}`, '2001:db8::5'].map((value, i) => ({
        type: value.includes(':') ? 'ip' : 'domain',
        value,
        port: null,
        source: 'c2',
        event_ids: [i + 1],
        first_seen: null,
        last_seen: null,
        hosts: [],
        confirmed: { examiner: 'x', time: '2026-11-01T00:00:00.000Z', comment: null },
      })),
    };
    const objects = parseFortiCli(fortigateList(input).text);
    const names = objects.filter((o) => o.table === 'firewall address').map((o) => o.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(79);
    expect(objects.find((o) => o.table === 'firewall address6')!.sets.get('ip6')).toEqual(['2001:db8::5/128']);
    expect(objects.find((o) => o.table === 'firewall addrgrp')!.sets.get('comment')![0]).toContain('請求書 "緊急" C:\\temp');
  });
});

describe('PAN-OS external dynamic list', () => {
  it('one entry per line: the address, and URLs without their scheme; no hash, nothing unconfirmed', () => {
    const lines = list('panos-edl').split('\n');
    expect(lines.pop()).toBe('');
    expect(new Set(lines)).toEqual(new Set([C2, 'shop-kobe.example/wp-content/x7', 'invoice-portal.example/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.doc']));
    for (const l of lines) expect(l).not.toMatch(/^[a-z]+:\/\/|\s/);
  });
});

describe('CSV', () => {
  it('one row per confirmed indicator with its events; formulas neutralized', () => {
    const rows = parseCsv(list('csv'));
    expect(rows.map((r) => r.value).sort()).toEqual([C2, HASH, PHISH, PAYLOAD].sort());
    const phish = rows.find((r) => r.value === PHISH)!;
    expect(phish.comment).toBe('\'=HYPERLINK("http://x.example","x")');
    expect(phish.confirmed_by).toBe('山田 太郎');
    expect(phish.event_ids!.split(' ').map(Number).every((n) => n > 0)).toBe(true);
    expect(rows.find((r) => r.value === C2)!.port).toBe('8080');
  });
});

describe('STIX 2.1', () => {
  it('passes the STIX 2.1 rules and reads back through the STIX loader', () => {
    const text = list('stix');
    const doc = JSON.parse(text);
    expect(checkStixBundle(doc)).toEqual([]);
    const back = parseIndicatorContent('bundle.json', text);
    expect(back.format).toBe('stix');
    expect(back.skipped).toEqual([]);
    expect(back.indicators.map((i) => i.value).sort()).toEqual([C2, HASH, PHISH, PAYLOAD].sort());
    const c2 = doc.objects.find((o: { pattern: string }) => o.pattern.includes(C2));
    expect(c2.x_tracelight_event_ids.length).toBeGreaterThan(5);
    expect(c2.description).toMatch(/Source events: \d+, \d+/);
    // Same indicator, same id on the next export; a new bundle id.
    const again = JSON.parse(list('stix'));
    expect(again.objects.map((o: { id: string }) => o.id)).toEqual(doc.objects.map((o: { id: string }) => o.id));
    expect(again.id).not.toBe(doc.id);
  });

  it('the pattern checker rejects broken patterns (it can fail)', () => {
    expect(checkStixPattern("[url:value = 'a\\'b']")).toBeNull();
    expect(checkStixPattern("[url:value = 'a'b']")).not.toBeNull();
    expect(checkStixPattern('[ipv4-addr:value = 1.2.3.4')).not.toBeNull();
    expect(checkStixBundle({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'indicator', id: 'indicator--x' }] }).length).toBeGreaterThan(3);
  });
});

describe('MISP event', () => {
  it("has the MISP core format's required fields and reads back through the MISP loader", () => {
    const text = list('misp');
    const doc = JSON.parse(text);
    expect(checkMispEvent(doc)).toEqual([]);
    expect(doc.Event.Attribute.find((a: { type: string }) => a.type === 'ip-dst|port').value).toBe(`${C2}|8080`);
    expect(doc.Event.Attribute.find((a: { type: string }) => a.type === 'sha256').category).toBe('Payload delivery');
    const back = parseIndicatorContent('event.json', text);
    expect(back.format).toBe('misp');
    expect(back.indicators.map((i) => i.value).sort()).toEqual([C2, HASH, PHISH, PAYLOAD].sort());
    expect(back.indicators.find((i) => i.value === C2)!.port).toBe(8080);
  });
});

describe('withdrawing a confirmation', () => {
  it('takes the indicator out of every list, and --out writes the file', () => {
    expect(cli(['iocs', A, '--withdraw', PHISH, '--comment', '誤検知（社内の共有サイト）', '--examiner', '山田 太郎']).code).toBe(0);
    const out = path.join(dir, 'block.csv');
    expect(cli(['iocs', A, '--format', 'csv', '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('invoice-portal');
    expect(list('panos-edl')).not.toContain('invoice-portal');
  });
});
