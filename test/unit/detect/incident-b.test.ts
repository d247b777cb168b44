// Scenario B (test/fixtures/incidents/scenario-b, README there): Emotet via 見積書.xlsm at
// globex.local, Sysmon (Winlogbeat JSON), Blue Coat ELFF and PAN-OS (New York local time),
// spreading over SMB and sending spam; indicators from a STIX 2.1 bundle and a MISP event.
import { describe, expect, it } from 'vitest';
import { buildCase, fixture } from './incident-helpers';

const c = buildCase('scenario-b', [{ files: /^sysmon|^bluecoat/ }, { files: /^panos/, tz: 'America/New_York' }]);
const FIN01 = 'PC-FIN-01.globex.local';
const FIN02 = 'PC-FIN-02.globex.local';

describe('scenario B: detect --json', () => {
  const r = c.detect(['--ioc', fixture('scenario-b', 'emotet-indicators.stix.json'), '--ioc', fixture('scenario-b', 'emotet-event.misp.json')]);
  const i = r.incident;

  it('names patient zero, the user and the workbook, not the colleague who opened it first', () => {
    expect(i.patient_zero).toMatchObject({ host: FIN01, user: 'GLOBEX\\ito.mika', lure: 'C:\\Users\\ito.mika\\Downloads\\見積書.xlsm' });
    expect(i.patient_zero!.time >= '2026-11-10T02:05:31.000Z' && i.patient_zero!.time <= '2026-11-10T02:05:43.000Z').toBe(true);
  });

  it('lists exactly the infected hosts: the SMB victim in, the near miss, mail-only host and backup server out', () => {
    expect(i.hosts).toEqual([FIN01, FIN02]);
  });

  it('finds the payload URL and the C2 endpoint, not the spam relays nor the vendor app seen before infection', () => {
    expect(i.payload_urls).toEqual(['http://cdn-hokkaido.example/assets/kfx.ocx']);
    expect(i.c2.map((e) => ({ ip: e.ip, port: e.port }))).toEqual([{ ip: '192.0.2.77', port: 7080 }]);
  });

  it('reports the spread over SMB and the spam', () => {
    expect(i.lateral_movement.map((l) => [l.from, l.to, l.time])).toEqual([[FIN01, FIN02, '2026-11-10T02:44:02.000Z']]);
    expect(i.spam.map((s) => [s.host, s.count])).toEqual([[FIN01, 20]]);
  });

  it('lists the indicator hits of both files (STIX IP, URL and phishing domain; MISP hash)', () => {
    const pairs = [...new Set(i.ioc_hits.map((h) => `${h.indicator} ${h.host} ${h.source}`))].sort();
    expect(pairs).toEqual(
      [
        `192.0.2.77 ${FIN01} emotet-indicators.stix.json`,
        `192.0.2.77 ${FIN02} emotet-indicators.stix.json`,
        `aaab9d92905ee51f5ff1a16e5f609b48a5826ff539cc00656804a54172882ec9 ${FIN01} emotet-event.misp.json`,
        `http://cdn-hokkaido.example/assets/kfx.ocx ${FIN01} emotet-indicators.stix.json`,
        `quote-portal.example ${FIN01} emotet-indicators.stix.json`,
        `quote-portal.example PC-FIN-03.globex.local emotet-indicators.stix.json`,
      ].sort(),
    );
    const [{ n }] = c.query<{ n: number }>("SELECT count(*) AS n FROM events WHERE dst_ip = '192.0.2.77'");
    expect(i.ioc_hits.filter((h) => h.indicator === '192.0.2.77')).toHaveLength(n);
    expect(r.stderr).toMatch(/emotet-event\.misp\.json: entry 2: attribute link .*to_ids is false/);
  });

  it('everyone who fetched the phishing workbook or the payload', () => {
    const who = i.clicked.map((x) => `${x.host} ${x.user} ${x.url}`).sort();
    expect(who).toEqual(
      [
        `${FIN01} ito.mika http://cdn-hokkaido.example/assets/kfx.ocx`,
        `${FIN01} ito.mika http://quote-portal.example/files/%E8%A6%8B%E7%A9%8D%E6%9B%B8.xlsm`,
        `PC-FIN-03.globex.local kato.jun http://quote-portal.example/files/%E8%A6%8B%E7%A9%8D%E6%9B%B8.xlsm`,
      ].sort(),
    );
  });

  it('the SMB victim\'s chain starts at its C2 contact and names the C2', () => {
    const fin02 = i.infected.find((h) => h.host === FIN02)!;
    expect(fin02.reasons.join(' ')).toMatch(/192\.0\.2\.77:7080/);
    expect(fin02.steps.some((s) => s.stage === 'c2')).toBe(true);
  });

  it('without indicator files: same hosts and C2 from rules, beacons and the spread', () => {
    const plain = c.detect().incident;
    expect(plain.patient_zero?.host).toBe(FIN01);
    expect(plain.hosts).toEqual([FIN01, FIN02]);
    expect(plain.c2.map((e) => `${e.ip}:${e.port}`)).toEqual(['192.0.2.77:7080']);
  });
});
