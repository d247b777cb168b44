// Scenario A (test/fixtures/incidents/scenario-a, README there): Emotet via 請求書.doc on a
// Defender fleet, Squid and FortiGate (JST, zone-less). `tracelight detect --json` must name
// patient zero, exactly the infected hosts, payload URLs, C2 and indicator hits; the host that
// opened the lure first with nothing following, the mail-only host and the administrator's
// encoded SCCM PowerShell must stay out.
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { runDetection } from '../../../electron/engine/detect/index';
import type { FindingReview } from '../../../electron/common/detect';
import { buildCase, fixture } from './incident-helpers';
import { tracelight } from '../helpers/cli';

const c = buildCase('scenario-a', [{ files: /^Device.*\.csv$|^squid/ }, { files: /^fortigate/, tz: 'Asia/Tokyo' }]);
const IOCS = fixture('scenario-a', 'emotet-iocs.csv');
const ACCT = 'wks-acct-07.acme.local';
const SALES = 'wks-sales-03.acme.local';

describe('scenario A: detect --json', () => {
  const r = c.detect(['--ioc', IOCS]);
  const i = r.incident;

  it('names patient zero, the user and the lure (the first host that RAN it, not the first that opened it)', () => {
    expect(i.patient_zero).toMatchObject({ host: ACCT, user: 'acme\\yamada.taro', time: '2026-10-05T00:12:44.250Z' });
    expect(i.patient_zero!.lure).toBe('C:\\Users\\yamada.taro\\Downloads\\請求書.doc');
  });

  it('lists exactly the infected hosts; the near miss, the mail-only host and the admin are absent', () => {
    expect(i.hosts).toEqual([ACCT, SALES]);
    for (const h of ['wks-hr-11.acme.local', 'wks-gen-02.acme.local', 'adm-01.acme.local']) expect(i.hosts).not.toContain(h);
    expect(i.infected.map((h) => h.host)).toEqual([ACCT, SALES]);
  });

  it('finds the payload URLs the cradle names and the C2 endpoint', () => {
    expect(i.payload_urls).toEqual(['http://blog-nagoya.example/wp-admin/k2/', 'http://shop-kobe.example/wp-content/x7/']);
    expect(i.c2.map((e) => ({ ip: e.ip, port: e.port }))).toEqual([{ ip: '198.51.100.23', port: 8080 }]);
  });

  it('lists the indicator hits in time order (not file by file)', () => {
    const times = i.ioc_hits.map((h) => h.time);
    expect(times).toEqual([...times].sort());
    expect(new Set(i.ioc_hits.map((h) => h.host)).size).toBeGreaterThan(1);
  });

  it('lists every indicator hit with host, source address, time and event id', () => {
    const pairs = new Set(i.ioc_hits.map((h) => `${h.indicator} ${h.host}`));
    expect([...pairs].sort()).toEqual(
      [
        `198.51.100.23 ${ACCT}`,
        `198.51.100.23 ${SALES}`,
        `9f1c0e2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100 ${ACCT}`,
        `9f1c0e2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100 ${SALES}`,
        `http://shop-kobe.example/wp-content/x7 ${ACCT}`,
        `http://shop-kobe.example/wp-content/x7 ${SALES}`,
      ].sort(),
    );
    // Counted independently: every event naming the C2 address is a hit, none twice.
    const [{ n }] = c.query<{ n: number }>("SELECT count(*) AS n FROM events WHERE dst_ip = '198.51.100.23'");
    expect(i.ioc_hits.filter((h) => h.indicator === '198.51.100.23')).toHaveLength(n);
    expect(new Set(i.ioc_hits.map((h) => `${h.indicator} ${h.event_id}`)).size).toBe(i.ioc_hits.length);
    const firewall = i.ioc_hits.find((h) => h.indicator === '198.51.100.23' && h.host === SALES)!;
    expect(firewall.src_ip).toBe('10.20.30.53');
    expect(firewall.time).toMatch(/^2026-10-05T00:5\d:\d\d\.000Z$/);
    expect(i.ioc_hits.some((h) => h.indicator === '203.0.113.199')).toBe(false);
    expect(r.stderr).toContain('emotet-iocs.csv: line 2: row of type "report" is not an indicator we match (skipped)');
  });

  it('shows the chain per host with the events behind each step', () => {
    const acct = i.infected[0]!;
    expect(acct.steps[0]).toMatchObject({ stage: 'lure', time: '2026-10-05T00:12:41.102Z' });
    const stages = new Set(acct.steps.map((s) => s.stage));
    for (const s of ['lure', 'execution', 'download', 'persistence', 'c2'] as const) expect(stages).toContain(s);
    for (const s of acct.steps) expect(s.event_ids.length).toBeGreaterThan(0);
    expect(acct.steps.map((s) => s.time)).toEqual([...acct.steps.map((s) => s.time)].sort());
  });

  it('lists who accessed the phishing and payload URLs, the near-miss host included', () => {
    expect(i.phishing_urls).toEqual(['http://invoice-portal.example/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.doc']);
    const who = new Set(i.clicked.map((x) => `${x.host} ${x.url.replace(/\?.*$/, '')}`));
    expect(who).toContain('wks-hr-11.acme.local http://invoice-portal.example/dl/%E8%AB%8B%E6%B1%82%E6%9B%B8.doc');
    expect(who).toContain(`${ACCT} http://shop-kobe.example/wp-content/x7/`);
    expect(who).toContain(`${SALES} http://blog-nagoya.example/wp-admin/k2/`);
    expect(i.clicked.some((x) => x.host === 'adm-01.acme.local' || x.host === 'wks-gen-02.acme.local')).toBe(false);
  });

  it('keeps the contract 1 shape', () => {
    for (const f of r.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'title', 'severity', 'attack', 'host', 'time', 'event_ids']));
    expect(Object.keys(i)).toEqual(expect.arrayContaining(['patient_zero', 'hosts', 'payload_urls', 'c2', 'ioc_hits']));
    for (const h of i.ioc_hits) expect(Object.keys(h)).toEqual(expect.arrayContaining(['indicator', 'host', 'src_ip', 'time', 'event_id']));
  });

  it('without indicators the story still stands on rules and beacons', () => {
    const plain = c.detect().incident;
    expect(plain.patient_zero?.host).toBe(ACCT);
    expect(plain.hosts).toEqual([ACCT, SALES]);
    expect(plain.c2.map((e) => `${e.ip}:${e.port}`)).toEqual(['198.51.100.23:8080']);
    expect(plain.ioc_hits).toEqual([]);
  });

  it('a readable summary without --json', () => {
    const t = tracelight(['detect', c.casePath]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain(`Patient zero:   ${ACCT} (acme\\yamada.taro)`);
    expect(t.stdout).toContain('Lure:           C:\\Users\\yamada.taro\\Downloads\\請求書.doc');
    expect(t.stdout).toContain(`Infected hosts: ${ACCT}, ${SALES}`);
  });
});

describe('scenario A: examiners\' corrections', () => {
  async function run(review: (f: { id: string; host: string | null; title: string }) => FindingReview['verdict'] | null) {
    const store = await CaseStore.open(c.casePath);
    try {
      const first = await runDetection(store, { iocFiles: [IOCS] });
      const reviews = new Map<string, FindingReview>();
      for (const f of first.findings) {
        const v = review(f);
        if (v) reviews.set(f.id, { verdict: v, examiner: 'kobayashi', time: '2026-10-06T00:00:00.000Z', comment: null });
      }
      return await runDetection(store, { iocFiles: [IOCS], reviews });
    } finally {
      store.close();
    }
  }

  it('dismissing every finding on a host takes it out of the story', async () => {
    const r = await run((f) => (f.host === SALES ? 'dismissed' : null));
    expect(r.incident.hosts).toEqual([ACCT]);
    expect(r.findings.filter((f) => f.host === SALES).every((f) => f.review?.verdict === 'dismissed')).toBe(true);
  });

  it('confirming a weak finding keeps it: the admin host counts once an examiner confirms its PowerShell', async () => {
    const r = await run((f) => (f.host === 'adm-01.acme.local' && /Encoded/.test(f.title) ? 'confirmed' : null));
    expect(r.incident.hosts).toEqual(['adm-01.acme.local', ACCT, SALES]);
    // ...but it is not tied to the chain (no lure, payload or C2 in common): patient zero stays.
    expect(r.incident.patient_zero?.host).toBe(ACCT);
    expect(r.incident.patient_zero?.reason).toMatch(/first host tied to the chain .*shared by 2 hosts/);
  });
});

