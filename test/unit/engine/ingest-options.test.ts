// Issue 3 acceptance for encodings, base year and clock skew, through the engine as the CLI
// and the UI drive it (ingestWithCustody, skewEvidence).
import { copyFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatSkew, parseSkew } from '../../../electron/common/ingest-options';
import { ActionError } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { skewEvidence } from '../../../electron/engine/custody/skew';
import { resolveIngestChoices } from '../../../electron/engine/ingest/ingest-options';
import { eventDetail } from '../../../electron/engine/ingest/original-record';
import { firstEvents } from '../../../electron/engine/store/event-pages';
import { repoRoot, samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'encodings');
const IPTABLES = samplePath('iptables_syslog', 'crowdsec_iptables-scan-multi-port.log');

async function openCase(dir: string): Promise<CaseSession> {
  return CaseSession.open(path.join(dir, 'c.tlcase'), { examiner: 'Examiner A', create: { timezone: 'UTC' } });
}

function usersAndFiles(session: CaseSession): { user: string | number | null; file_path: string | number | null }[] {
  return firstEvents(session.store, undefined, 10).map((r) => ({ user: r.user, file_path: r.file_path }));
}

const JAPANESE = [
  { user: 'acme\\山田太郎', file_path: 'C:\\Users\\山田太郎\\Downloads\\請求書.doc' },
  { user: 'acme\\山田太郎', file_path: 'C:\\Users\\山田太郎\\AppData\\Local\\Temp\\qzx81.dll' },
];

describe('encodings', () => {
  it('a CP932 Defender CSV with Japanese names ingests with the Japanese intact (detected)', async () => {
    const dir = tempDir();
    const s = await openCase(dir);
    const ev = await ingestWithCustody(s, { path: path.join(FIXTURES, 'defender_file_events_cp932.csv'), timezone: 'UTC' });
    expect([ev.format, ev.encoding, ev.encoding_source, ev.events, ev.rejected]).toEqual(['defender-hunting-csv', 'shift_jis', 'detected', 2, 0]);
    expect(usersAndFiles(s)).toEqual(JAPANESE);
    s.close();
  });

  it('a UTF-16LE export with BOM ingests the same events', async () => {
    const dir = tempDir();
    const s = await openCase(dir);
    const ev = await ingestWithCustody(s, { path: path.join(FIXTURES, 'defender_file_events_utf16le_bom.csv'), timezone: 'UTC' });
    expect([ev.format, ev.encoding, ev.events, ev.rejected]).toEqual(['defender-hunting-csv', 'utf-16le', 2, 0]);
    expect(usersAndFiles(s)).toEqual(JAPANESE);
    // The original record is read back and decoded from the UTF-16 bytes.
    const first = firstEvents(s.store, undefined, 1)[0]!;
    expect(eventDetail(s.store, Number(first.id)).original).toContain('請求書.doc');
    s.close();
  });

  it('a .gz of the CP932 CSV ingests with its content decoded', async () => {
    const dir = tempDir();
    const gz = path.join(dir, 'DeviceFileEvents.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(path.join(FIXTURES, 'defender_file_events_cp932.csv'))));
    const s = await openCase(dir);
    const ev = await ingestWithCustody(s, { path: gz, timezone: 'UTC' });
    expect([ev.container, ev.encoding, ev.events]).toEqual(['gzip', 'shift_jis', 2]);
    expect(usersAndFiles(s)).toEqual(JAPANESE);
    s.close();
  });

  it('--encoding changes the decoding: EUC-JP is garbled when guessed, intact when chosen, and recorded as chosen', async () => {
    const file = path.join(FIXTURES, 'defender_file_events_eucjp.csv');
    const guessed = await openCase(tempDir());
    const auto = await ingestWithCustody(guessed, { path: file, timezone: 'UTC' });
    expect(auto.encoding).not.toBe('euc-jp');
    expect(usersAndFiles(guessed)).not.toEqual(JAPANESE);
    guessed.close();

    const chosen = await openCase(tempDir());
    const ev = await ingestWithCustody(chosen, { path: file, timezone: 'UTC', ...resolveIngestChoices({ encoding: 'EUC-JP' }) });
    expect([ev.encoding, ev.encoding_source, ev.events, ev.rejected]).toEqual(['euc-jp', 'chosen', 2, 0]);
    expect(usersAndFiles(chosen)).toEqual(JAPANESE);
    const log = chosen.entries();
    expect(JSON.parse(log.find((e) => e.action === 'ingest.started')!.details).encoding).toBe('euc-jp');
    expect(JSON.parse(log.find((e) => e.action === 'evidence.parsed')!.details)).toMatchObject({ encoding: 'euc-jp', encodingSource: 'chosen' });
    chosen.close();
  });

  it('cp932 is an accepted name for Shift_JIS; unknown encodings and impossible years are refused', () => {
    expect(resolveIngestChoices({ encoding: 'cp932' })).toEqual({ encoding: 'shift_jis' });
    expect(resolveIngestChoices({ encoding: '', baseYear: '' })).toEqual({});
    expect(() => resolveIngestChoices({ encoding: 'ebcdic' })).toThrow(/unknown encoding "ebcdic"/);
    expect(() => resolveIngestChoices({ baseYear: '20199' })).toThrow(/invalid base year/);
    expect(() => resolveIngestChoices({ baseYear: 2019.5 })).toThrow(/invalid base year/);
  });
});

describe('base year', () => {
  it('year-less syslog takes the file modification year by default, the chosen year when given', async () => {
    const dir = tempDir();
    const log = path.join(dir, 'kern.log');
    copyFileSync(IPTABLES, log);
    utimesSync(log, new Date('2021-03-01T00:00:00Z'), new Date('2021-03-01T00:00:00Z'));
    const s = await openCase(dir);
    const auto = await ingestWithCustody(s, { path: log, timezone: 'UTC' });
    expect([auto.base_year, auto.base_year_source]).toEqual([2021, 'detected']);
    expect(firstEvents(s.store, { evidenceId: auto.id }, 1)[0]!.time).toBe('2021-09-30T10:09:23.000Z');

    const copy = path.join(dir, 'kern-copy.log');
    writeFileSync(copy, `${readFileSync(IPTABLES, 'utf8')}\n`); // differs by a byte: not a duplicate
    const chosen = await ingestWithCustody(s, { path: copy, timezone: 'Asia/Tokyo', baseYear: 2019 });
    expect([chosen.base_year, chosen.base_year_source]).toEqual([2019, 'chosen']);
    const row = firstEvents(s.store, { evidenceId: chosen.id }, 1)[0]!;
    expect([row.time, row.time_zone]).toEqual(['2019-09-30T01:09:23.000Z', 'Asia/Tokyo (assumed; year 2019 assumed)']);
    s.close();
  });
});

describe('clock skew', () => {
  async function caseWithLog(dir: string) {
    const log = path.join(dir, 'kern.log');
    copyFileSync(IPTABLES, log);
    const s = await openCase(dir);
    const ev = await ingestWithCustody(s, { path: log, timezone: 'UTC', baseYear: 2025 });
    return { s, ev };
  }
  const times = (s: CaseSession, id: number) =>
    firstEvents(s.store, { evidenceId: id }, 3).map((r) => [r.time, r.time_original, r.time_raw]);

  it('shifts times by the correction, keeps the originals, replaces (never adds up), and is in the custody log', async () => {
    const dir = tempDir();
    const { s, ev } = await caseWithLog(dir);
    const before = times(s, ev.id);
    expect(before[0]).toEqual(['2025-09-30T10:09:23.000Z', '2025-09-30T10:09:23.000Z', 'Sep 30 10:09:23']);

    skewEvidence(s, ev.id, parseSkew('+01:00:00.250')!, 'device clock 1h slow vs the DC');
    expect(times(s, ev.id)[0]).toEqual(['2025-09-30T11:09:23.250Z', '2025-09-30T10:09:23.000Z', 'Sep 30 10:09:23']);
    skewEvidence(s, ev.id, parseSkew('-00:00:30')!, 'measured again');
    expect(times(s, ev.id)[0]).toEqual(['2025-09-30T10:08:53.000Z', '2025-09-30T10:09:23.000Z', 'Sep 30 10:09:23']);

    const entries = s.entries().filter((e) => e.action === 'evidence.skew').map((e) => JSON.parse(e.details));
    expect(entries).toEqual([
      { evidenceId: ev.id, skewMs: 3_600_250, previousSkewMs: 0, reason: 'device clock 1h slow vs the DC' },
      { evidenceId: ev.id, skewMs: -30_000, previousSkewMs: 3_600_250, reason: 'measured again' },
    ]);
    const detail = eventDetail(s.store, Number(firstEvents(s.store, { evidenceId: ev.id }, 1)[0]!.id));
    expect(detail.provenance.clockSkewMs).toBe(-30_000);
    expect(detail.event.time_original).toBe('2025-09-30T10:09:23.000Z');
    // The same correction again changes nothing and records nothing.
    expect(skewEvidence(s, ev.id, -30_000)).toBeNull();
    s.close();
  });

  it('a correction journaled but not yet saved is replayed to the same times on the next open', async () => {
    const dir = tempDir();
    const { s, ev } = await caseWithLog(dir);
    skewEvidence(s, ev.id, 90_000, 'replay me');
    const expected = times(s, ev.id);
    // Simulate a crash: the journal has the entry, the case file does not (no checkpoint/close).
    const reopened = await CaseSession.open(s.path, { readOnly: true });
    expect(times(reopened, ev.id)).toEqual(expected);
    expect(reopened.store.scalar('SELECT clock_skew_ms FROM evidence WHERE id = ?', [ev.id])).toBe(90_000);
    reopened.close();
    s.close();
  });

  it('re-sorts the timeline: corrected events move among the other evidence', async () => {
    const dir = tempDir();
    const { s, ev } = await caseWithLog(dir);
    const other = path.join(dir, 'other.log');
    writeFileSync(other, 'Sep 30 10:30:00 fw kernel: [1.0] IN=ens2 OUT= SRC=10.0.0.1 DST=10.0.0.2 LEN=44 PROTO=TCP SPT=1 DPT=2 SYN URGP=0\n');
    const ev2 = await ingestWithCustody(s, { path: other, timezone: 'UTC', baseYear: 2025 });
    const firstEvidence = () => firstEvents(s.store, undefined, 1)[0]!.evidence_id;
    expect(firstEvidence()).toBe(ev.id);
    skewEvidence(s, ev.id, parseSkew('+01:00:00')!, 'clock slow');
    expect(firstEvidence()).toBe(ev2.id);
    s.close();
  });

  it('refuses what is not a correction', async () => {
    const dir = tempDir();
    const { s, ev } = await caseWithLog(dir);
    expect(() => skewEvidence(s, 999, 1000)).toThrow(ActionError);
    expect(() => skewEvidence(s, ev.id, 1.5)).toThrow(/whole milliseconds/);
    expect(() => skewEvidence(s, ev.id, -3000 * 365 * 86_400_000)).toThrow(/whole milliseconds/);
    s.close();
  });

  it('parses and formats ±HH:MM:SS', () => {
    expect(parseSkew('+00:05:00')).toBe(300_000);
    expect(parseSkew('-1:00:00')).toBe(-3_600_000);
    expect(parseSkew('26:00:00.5')).toBe(93_600_500);
    expect(parseSkew('5 minutes')).toBeNull();
    expect(parseSkew('00:60:00')).toBeNull();
    expect(formatSkew(-93_600_500)).toBe('-26:00:00.500');
    expect(formatSkew(0)).toBe('+00:00:00');
  });
});
