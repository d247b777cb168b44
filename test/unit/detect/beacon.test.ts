// Beacon scoring on contact series whose nature is known: exactly regular, jittered the way C2
// frameworks jitter, and random (Poisson) traffic; and the collector's grouping, merging of one
// connection seen by several sources, and scoring down of common infrastructure.
import { describe, expect, it } from 'vitest';
import { BeaconCollector, BEACON, mergeContacts, regularity } from '../../../electron/engine/detect/beacon';
import type { ScanRow } from '../../../electron/engine/detect/scan';
import { mulberry32 } from '../../seeded-random.mjs';

/** Deterministic PRNG so the random series are the same on every run. */
const rng = mulberry32;

const T0 = Date.parse('2026-10-05T01:00:00.000Z');

function series(n: number, next: (i: number) => number): number[] {
  const out = [T0];
  for (let i = 1; i < n; i++) out.push(out[i - 1]! + next(i) * 1000);
  return out;
}

describe('regularity', () => {
  it('an exact 5-minute beacon scores 1', () => {
    const r = regularity(series(40, () => 300))!;
    expect(r.score).toBeCloseTo(1, 5);
    expect(r.intervalS).toBe(300);
  });

  it('±20% and ±50% jitter (Emotet and Cobalt Strike profiles) still score as beacons', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const r20 = rng(seed);
      const jittered = regularity(series(40, () => 300 * (0.8 + 0.4 * r20())))!;
      expect(jittered.score).toBeGreaterThanOrEqual(BEACON.findingScore);
      const r50 = rng(seed);
      const loose = regularity(series(40, () => 300 * (0.5 + r50())))!;
      expect(loose.score).toBeGreaterThanOrEqual(BEACON.findingScore);
    }
  });

  it('random (Poisson) traffic with the same mean rate is not a beacon', () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const r = rng(seed);
      const random = regularity(series(60, () => -300 * Math.log(1 - r())))!;
      expect(random.score).toBeLessThan(BEACON.reportScore);
    }
  });

  it('a sleep change (3 minutes, then 10, jittered ±30%) is still one beacon', () => {
    for (const seed of [21, 22, 23]) {
      const r = rng(seed);
      const times = series(40, (i) => (i < 20 ? 180 : 600) * (0.7 + 0.6 * r()));
      expect(regularity(times)!.score).toBeGreaterThanOrEqual(BEACON.findingScore);
    }
  });

  it('a few missed check-ins (a laptop asleep) do not spoil a regular beacon', () => {
    const times = series(40, (i) => (i === 10 || i === 25 ? 3600 : 300));
    expect(regularity(times)!.score).toBeGreaterThan(0.85);
  });

  it('too few contacts or too short a span is no verdict at all', () => {
    expect(regularity(series(BEACON.minContacts - 1, () => 300))).toBeNull();
    expect(regularity(series(20, () => 20))).toBeNull(); // 6.3 minutes in all
  });

  it('merges contacts seconds apart (one connection in EDR, proxy and firewall logs)', () => {
    expect(mergeContacts([0, 1000, 3000, 300_000, 301_500, 600_000])).toEqual([0, 300_000, 600_000]);
  });
});

function row(id: number, ms: number, over: Partial<ScanRow>): ScanRow {
  return {
    id, ms, time: new Date(ms).toISOString(), host: null, user: null, category: 'network', action: 'connection',
    src_ip: null, dst_ip: null, dst_port: null, domain: null, url: null, http_status: null, bytes_in: null, user_agent: null, process_hash: null,
    file_hash: null, file_path: null, ...over,
  };
}

describe('BeaconCollector', () => {
  it('finds the regular destination of one host among its browsing, across sources', () => {
    const c = new BeaconCollector();
    const r = rng(7);
    let id = 0;
    for (let i = 0; i < 36; i++) {
      const t = T0 + i * 600_000 + Math.round(r() * 60_000);
      // EDR sees the connection, the firewall logs it 2 s later: one contact.
      c.visit(row(++id, t, { host: 'WKS-01', src_ip: '10.0.0.5', dst_ip: '198.51.100.23', dst_port: 8080 }));
      c.visit(row(++id, t + 2000, { category: 'firewall', action: 'accept', host: 'WKS-01', src_ip: '10.0.0.5', dst_ip: '198.51.100.23', dst_port: 8080 }));
    }
    for (let i = 0; i < 80; i++) {
      c.visit(row(++id, T0 + Math.round(-600_000 * Math.log(1 - r()) * (i + 1) / 4), { category: 'web', host: 'WKS-01', url: 'https://news.example/a', domain: 'news.example' }));
    }
    const found = c.finish();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ host: 'WKS-01', src_ip: '10.0.0.5', destination: '198.51.100.23', dst_ip: '198.51.100.23', dst_port: 8080, count: 36 });
    expect(found[0]!.event_ids).toHaveLength(72);
    expect(found[0]!.interval_s).toBeGreaterThan(500);
    expect(found[0]!.reasons.join(' ')).toMatch(/bare IP address/);
  });

  it('scores down a periodic destination that most hosts contact, and internal ones', () => {
    const c = new BeaconCollector();
    let id = 0;
    for (const host of ['A', 'B', 'C', 'D', 'E']) {
      for (let i = 0; i < 30; i++) {
        c.visit(row(++id, T0 + i * 300_000, { category: 'web', host, domain: 'telemetry.vendor.example', url: 'https://telemetry.vendor.example/ping' }));
        c.visit(row(++id, T0 + i * 300_000 + 60_000, { host, dst_ip: '10.1.1.1', dst_port: 8443 }));
      }
    }
    const found = c.finish();
    for (const b of found) expect(b.score).toBeLessThan(BEACON.findingScore);
    const telemetry = found.find((b) => b.destination === 'telemetry.vendor.example');
    expect(telemetry?.reasons.join(' ')).toMatch(/5 of 5 hosts: common infrastructure/);
    expect(telemetry?.dst_port).toBe(443);
  });

  it('ignores inbound connections (the remote side is not contacted by the host)', () => {
    const c = new BeaconCollector();
    for (let i = 0; i < 30; i++) c.visit(row(i + 1, T0 + i * 300_000, { action: 'InboundConnectionAccepted', host: 'SRV', dst_ip: '203.0.113.1', dst_port: 443 }));
    expect(c.finish()).toEqual([]);
  });
});
