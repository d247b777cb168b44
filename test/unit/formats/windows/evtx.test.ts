import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedEvent, ReadRecord } from '../../../../electron/engine/formats/types';
import { evtxFormat, renderEvtxRecordAt, renderEvtxRecordInChunk } from '../../../../electron/engine/formats/windows/evtx';
import { crc32 } from '../../../../electron/engine/formats/windows/evtx-chunk';
import { filetimeToIso, guidToString, isoToMs, sidToString } from '../../../../electron/engine/formats/windows/evtx-values';
import { escapeAttribute, escapeText, renderXml } from '../../../../electron/engine/formats/windows/evtx-xml';
import { samplePath } from '../../helpers/samples';
import { tempDir } from '../../helpers/tmp';
import { ingestFile } from '../../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { firstEvents } from '../../../../electron/engine/store/event-pages';
import path from 'node:path';

const CTX = { fileName: 'x.evtx', timezone: 'Asia/Tokyo', baseYear: 2024 };
const SYSMON = samplePath('evtx', 'omerbenamram_sysmon.evtx');
const SECURITY = samplePath('evtx', 'omerbenamram_security.evtx');
const NEW_USER = samplePath('evtx', 'omerbenamram_new-user-security.evtx');

/** Feeds `data` to a fresh reader in pieces of `step` bytes. */
function readAll(data: Buffer, step = 1 << 20): ReadRecord[] {
  const reader = evtxFormat.createRecordReader(CTX);
  const out: ReadRecord[] = [];
  for (let i = 0; i < data.length; i += step) out.push(...reader.push(data.subarray(i, i + step), i));
  out.push(...reader.end());
  return out;
}

function eventsOf(recs: ReadRecord[]): ParsedEvent[] {
  return recs.flatMap((r) => (r.outcome.kind === 'events' ? r.outcome.events : []));
}

function rejectsOf(recs: ReadRecord[]): { number: number; offset: number; reason: string }[] {
  return recs.flatMap((r) => (r.outcome.kind === 'reject' ? [{ number: r.number, offset: r.offset, reason: r.outcome.reason }] : []));
}

/** A deterministic byte stream (xorshift32) for hostile-input tests. */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

describe('evtx: sniff', () => {
  it('recognizes the file signature and a headerless chunk, and nothing else', () => {
    const head = readFileSync(SYSMON).subarray(0, 65536);
    expect(evtxFormat.sniff({ fileName: 'a.evtx', head, lines: [] })).toBe(1);
    expect(evtxFormat.sniff({ fileName: 'a.bin', head: head.subarray(4096), lines: [] })).toBeGreaterThanOrEqual(0.5);
    expect(evtxFormat.sniff({ fileName: 'a.evtx', head: Buffer.from('ElfFile'), lines: ['ElfFile'] })).toBe(0);
    expect(evtxFormat.sniff({ fileName: 'a.evtx', head: Buffer.from('<Event xmlns="x"/>'), lines: ['<Event xmlns="x"/>'] })).toBe(0);
  });
});

describe('evtx: real samples (counts from MANIFEST.tsv)', () => {
  const cases: [string, string, number, number[]][] = [
    // Sysmon: a rolled-over log whose header names 1 chunk; 9 valid chunks, then slack.
    ['sysmon', SYSMON, 358, Array.from({ length: 358 }, (_, i) => 1742 + i)],
    ['security', SECURITY, 2261, Array.from({ length: 2261 }, (_, i) => 1 + i)],
    // EventRecordIDs as System/EventRecordID states them (the record headers number 1-4).
    ['new-user-security', NEW_USER, 4, [111, 112, 113, 116]],
  ];
  for (const [name, file, count, recordIds] of cases) {
    it(`${name}: ${count} records, all events, zero rejects`, () => {
      const data = readFileSync(file);
      const recs = readAll(data);
      expect(rejectsOf(recs)).toEqual([]);
      expect(recs).toHaveLength(count);
      const events = eventsOf(recs);
      expect(events).toHaveLength(count);
      // Numbers run 1..n; byte ranges are records ("**\0\0" magic, size repeated at the end), in file order.
      let lastEnd = 0;
      recs.forEach((r, i) => {
        expect(r.number).toBe(i + 1);
        expect(r.offset).toBeGreaterThanOrEqual(lastEnd);
        expect(data.readUInt32LE(r.offset)).toBe(0x2a2a);
        expect(data.readUInt32LE(r.offset + 4)).toBe(r.length);
        expect(data.readUInt32LE(r.offset + r.length - 4)).toBe(r.length);
        lastEnd = r.offset + r.length;
      });
      expect(events.map((e) => e.extra?.record_id)).toEqual(recordIds);
      for (const e of events) {
        expect(Number.isFinite(e.ts)).toBe(true);
        expect(e.timeZone).toBe('UTC');
        expect(e.host).toBeTruthy();
      }
    });
  }

  it('sysmon: EventRecordID 1742..2099, host DESKTOP-2KGM189', () => {
    const events = eventsOf(readAll(readFileSync(SYSMON)));
    expect(events.at(-1)!.extra!.record_id).toBe(2099);
    expect(new Set(events.map((e) => e.host))).toEqual(new Set(['DESKTOP-2KGM189']));
    expect(new Set(events.map((e) => e.extra!.channel))).toEqual(new Set(['Microsoft-Windows-Sysmon/Operational']));
  });

  it('security: provider and host of every event', () => {
    const events = eventsOf(readAll(readFileSync(SECURITY)));
    expect(new Set(events.map((e) => e.extra!.provider))).toContain('Microsoft-Windows-Security-Auditing');
    const hosts = new Map<string, number>();
    for (const e of events) hosts.set(e.host!, (hosts.get(e.host!) ?? 0) + 1);
    expect(Object.fromEntries(hosts)).toEqual({ 'WIN-03DLIIOFRRA': 2219, '37L4247F27-25': 42 });
    const logons = events.filter((e) => e.extra!.event_id === 4624);
    expect(logons).toHaveLength(583);
    expect(logons.every((e) => e.category === 'auth')).toBe(true);
  });

  it('sysmon EventRecordID 1742 (Sysmon EID 1), field by field', () => {
    const recs = readAll(readFileSync(SYSMON));
    // First record of the first chunk: file offset 4096 + 512, 3672 bytes.
    expect(recs[0]).toMatchObject({ number: 1, offset: 4608, length: 3672 });
    const e = eventsOf(recs)[0]!;
    expect(e).toEqual({
      ts: Date.UTC(2017, 11, 26, 13, 10, 29, 136),
      timeRaw: '2017-12-26T13:10:29.1368792Z',
      timeZone: 'UTC',
      host: 'DESKTOP-2KGM189',
      category: 'process',
      action: 'process_start',
      user: 'NT AUTHORITY\\SYSTEM',
      process_path: 'C:\\Windows\\SysWOW64\\PING.EXE',
      process_name: 'PING.EXE',
      process_pid: 9112,
      process_guid: '{94F748D5-4A45-5A42-0000-0010D265F20F}',
      process_command_line: 'ping  -n 6 127.0.0.1 ',
      process_hash: '8F16A431C919A0AA7C9466EC1CDC1E721F30EB5C8182835585A1B74ABECB1920',
      parent_process_guid: '{94F748D5-D211-597D-0000-00109BD2C107}',
      parent_process_name: 'cmd.exe',
      parent_process_command_line:
        'C:\\Windows\\system32\\cmd.exe /c C:\\Windows\\TEMP\\update.bat C:\\Users\\tony\\AppData\\Local\\Temp\\pytest-of-tony\\pytest-0\\test_agent_update_op0\\pathfinder\\pathfinder.exe C:\\Windows\\TEMP\\pathfinder_sfx.exe',
      message: 'Process start: ping  -n 6 127.0.0.1 ',
      extra: {
        provider: 'Microsoft-Windows-Sysmon',
        event_id: 1,
        channel: 'Microsoft-Windows-Sysmon/Operational',
        record_id: 1742,
        user_sid: 'S-1-5-18',
        UtcTime: '2017-12-26 13:10:29.134',
        CurrentDirectory: 'C:\\Windows\\Temp\\',
        LogonGuid: '{94F748D5-5A64-5966-0000-0020E7030000}',
        LogonId: '0x3e7',
        TerminalSessionId: '0',
        IntegrityLevel: 'System',
        Hashes:
          'SHA1=CE8E487CB76704FE5FBB821A78A1E969EFBE71F9,MD5=A27A24553B2C36E139647F88DF738C35,SHA256=8F16A431C919A0AA7C9466EC1CDC1E721F30EB5C8182835585A1B74ABECB1920,IMPHASH=0EB64EACA8C951D760EEA1A941A2A3F7',
        ParentProcessId: '8392',
        ParentImage: 'C:\\Windows\\SysWOW64\\cmd.exe',
      },
    });
  });

  it('renders a record as XML from its chunk (renderEvtxRecordAt)', () => {
    const recs = readAll(readFileSync(SYSMON));
    const xml = renderEvtxRecordAt(SYSMON, recs[0]!.offset);
    const lines = xml.split('\n');
    expect(lines[0]).toBe('<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">');
    expect(lines).toContain('    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>');
    expect(lines).toContain('    <EventID>1</EventID>');
    expect(lines).toContain('    <Keywords>0x8000000000000000</Keywords>');
    expect(lines).toContain('    <TimeCreated SystemTime="2017-12-26T13:10:29.1368792Z"/>');
    expect(lines).toContain('    <Correlation/>');
    expect(lines).toContain('    <Execution ProcessID="2284" ThreadID="5252"/>');
    expect(lines).toContain('    <Security UserID="S-1-5-18"/>');
    expect(lines).toContain('    <Data Name="Image">C:\\Windows\\SysWOW64\\PING.EXE</Data>');
    expect(lines).toContain('    <Data Name="LogonId">0x3e7</Data>');
    expect(lines.at(-1)).toBe('</Event>');
    // A record deep in a later chunk, whose template was defined by an earlier record.
    const last = recs.at(-1)!;
    expect(renderEvtxRecordAt(SYSMON, last.offset)).toContain('<EventRecordID>2099</EventRecordID>');
  });

  it('renders quotes in text as written and escapes markup', () => {
    const data = readFileSync(SYSMON);
    const recs = readAll(data);
    const xmls = recs.map((r) => renderEvtxRecordAt(SYSMON, r.offset));
    const quoted = xmls.find((x) => x.includes('<Data Name="CommandLine">"C:\\Program Files\\Windows Defender\\MpCmdRun.exe"'));
    expect(quoted).toBeDefined();
  });

  it('renderRecord renders the full XML from the evidence file (what the event detail shows)', () => {
    const data = readFileSync(SYSMON);
    const r = readAll(data)[0]!;
    const text = evtxFormat.renderRecord!(data.subarray(r.offset, r.offset + r.length), { file: SYSMON, offset: r.offset });
    expect(text).toBe(renderEvtxRecordAt(SYSMON, r.offset));
    expect(text).toContain('<EventRecordID>1742</EventRecordID>');
  });

  it('renderRecord falls back to naming the record and dumping its bytes when the file is gone', () => {
    const data = readFileSync(SYSMON);
    const r = readAll(data)[0]!;
    const text = evtxFormat.renderRecord!(data.subarray(r.offset, r.offset + r.length), { file: '/nonexistent.evtx', offset: r.offset });
    expect(text).toMatch(/^EVTX record 1742, written 2017-12-26T13:10:29\.1368792Z, 3672 bytes\./);
    expect(text).toContain('0000: 2a 2a 00 00 58 0e 00 00');
  });

  it('chunks beyond the header\'s count are read when their header CRC holds, else skipped as slack', () => {
    const data = readFileSync(NEW_USER); // header: 1 chunk
    const chunk = data.subarray(4096, 4096 + 65536);
    const extra = readAll(Buffer.concat([data, chunk]));
    expect(rejectsOf(extra)).toEqual([]);
    expect(eventsOf(extra)).toHaveLength(8);
    const stale = Buffer.from(chunk);
    stale[8] ^= 0xff; // first record number: the chunk header CRC no longer matches
    const recs = readAll(Buffer.concat([data, stale, noise(65536, 5)]));
    expect(rejectsOf(recs)).toEqual([]);
    expect(eventsOf(recs)).toHaveLength(4);
  });

  it('reads a chunk carved out of a log, without the file header', () => {
    const chunk = readFileSync(SECURITY).subarray(4096, 4096 + 65536);
    const recs = readAll(Buffer.from(chunk));
    expect(rejectsOf(recs)).toEqual([]);
    expect(recs).toHaveLength(91);
    expect(recs[0]!.offset).toBe(512);
  });
});

describe('evtx: streaming', () => {
  for (const file of [SYSMON, SECURITY]) {
    it(`${file.split('/').pop()}: pieces of 1 KiB, 1 MiB and odd sizes give identical records`, () => {
      const data = readFileSync(file);
      const big = readAll(data, 1 << 20);
      expect(readAll(data, 1024)).toEqual(big);
      expect(readAll(data, 65536 + 7)).toEqual(big);
      expect(readAll(data, data.length)).toEqual(big);
    });
  }
});

describe('evtx: hostile input', () => {
  it('a file cut inside a record: earlier records parse, the cut one is rejected', () => {
    const data = readFileSync(NEW_USER);
    const full = readAll(data);
    const third = full[2]!;
    const cut = data.subarray(0, third.offset + 100);
    const recs = readAll(cut);
    expect(eventsOf(recs)).toHaveLength(2);
    const rejects = rejectsOf(recs);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ number: 3, offset: third.offset });
    expect(rejects[0]!.reason).toMatch(/record 3 at chunk offset \d+ is cut off: \d+ bytes declared, 100 in the file/);
  });

  it('a file cut inside a later chunk of a large log keeps every earlier record', () => {
    const data = readFileSync(SECURITY);
    const full = readAll(data);
    const target = full[1000]!;
    const recs = readAll(data.subarray(0, target.offset + 40), 4096);
    expect(eventsOf(recs)).toHaveLength(1000);
    expect(rejectsOf(recs)).toHaveLength(1);
    expect(recs.slice(0, 1000)).toEqual(full.slice(0, 1000));
  });

  it('a rolled-over log cut inside a chunk beyond the header\'s count: same', () => {
    const data = readFileSync(SYSMON); // header: 1 chunk; records in 9
    const full = readAll(data);
    const target = full[199]!;
    const recs = readAll(data.subarray(0, target.offset + 40));
    expect(recs.slice(0, 199)).toEqual(full.slice(0, 199));
    expect(rejectsOf(recs)).toEqual([{ number: 200, offset: target.offset, reason: expect.stringMatching(/^chunk 4: record 1941 at chunk offset \d+ is cut off/) as unknown as string }]);
    const chunk5 = 4096 + 5 * 65536;
    const inHeader = readAll(data.subarray(0, chunk5 + 100));
    expect(rejectsOf(inHeader)).toEqual([{ number: eventsOf(inHeader).length + 1, offset: chunk5, reason: expect.stringMatching(/cut off inside its header/) as unknown as string }]);
  });

  it('a file cut inside the file header or a chunk header', () => {
    const data = readFileSync(NEW_USER);
    expect(rejectsOf(readAll(data.subarray(0, 1000)))[0]!.reason).toMatch(/file ends inside the EVTX file header/);
    expect(rejectsOf(readAll(data.subarray(0, 4096 + 200)))[0]!.reason).toMatch(/cut off inside its header/);
    expect(readAll(data.subarray(0, 4096))).toEqual([]);
  });

  it('random bytes after a valid file header: rejected, no events, no crash', () => {
    const data = readFileSync(NEW_USER);
    for (const seed of [1, 2, 3]) {
      const hostile = Buffer.concat([data.subarray(0, 4096), noise(150_000, seed)]);
      const recs = readAll(hostile, 3000);
      expect(eventsOf(recs)).toEqual([]);
      const rejects = rejectsOf(recs);
      // The header names one chunk: that slot is rejected; the slack after it is not a chunk.
      expect(rejects).toHaveLength(1);
      expect(rejects[0]).toMatchObject({ number: 1, offset: 4096 });
      expect(rejects[0]!.reason).toMatch(/no "ElfChnk" signature/);
    }
  });

  it('random bytes in the record area of a valid chunk: every stretch rejected with a reason', () => {
    const data = Buffer.from(readFileSync(NEW_USER));
    for (const seed of [7, 8, 9, 10]) {
      const hostile = Buffer.from(data);
      noise(65536 - 512, seed).copy(hostile, 4096 + 512);
      const recs = readAll(hostile);
      expect(eventsOf(recs)).toEqual([]);
      for (const r of rejectsOf(recs)) expect(r.reason.length).toBeGreaterThan(10);
    }
  });

  it('a record whose signature is damaged is rejected; the others parse', () => {
    const data = Buffer.from(readFileSync(SECURITY));
    const full = readAll(data);
    const victim = full[1]!;
    data[victim.offset] ^= 0x01; // "**" -> "+*"
    const recs = readAll(data);
    const rejects = rejectsOf(recs);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ number: 2, offset: victim.offset });
    expect(rejects[0]!.reason).toMatch(/no record signature/);
    expect(eventsOf(recs)).toHaveLength(2260);
    // Events of later chunks are untouched (chunk 0's now carry a CRC warning).
    expect(eventsOf(recs).slice(200)).toEqual(eventsOf(full).slice(201));
    expect(eventsOf(recs)[0]!.extra!.evtx_warning).toMatch(/CRC32 mismatch/);
  });

  it('a bit flip in a record\'s BinXML rejects that record, names it, and the others parse', () => {
    const data = Buffer.from(readFileSync(SYSMON));
    const full = readAll(data);
    const victim = full[5]!;
    data[victim.offset + 24] ^= 0x80; // fragment header token 0x0f -> 0x8f
    const recs = readAll(data);
    const rejects = rejectsOf(recs);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ number: 6, offset: victim.offset });
    expect(rejects[0]!.reason).toMatch(/^record 1747 \(chunk 0\): unexpected BinXML token 0x8f/);
    expect(eventsOf(recs)).toHaveLength(357);
    // Its chunk's record CRC no longer matches: the chunk's other events say so.
    expect(eventsOf(recs)[0]!.extra!.evtx_warning).toMatch(/CRC32 mismatch/);
    expect(eventsOf(recs).at(-1)!.extra!.evtx_warning).toBeUndefined();
  });

  it('a damaged record size is rejected and reading resumes at the next record', () => {
    const data = Buffer.from(readFileSync(SECURITY));
    const full = readAll(data);
    const victim = full[10]!;
    data.writeUInt32LE(victim.length + 8, victim.offset + 4);
    const recs = readAll(data);
    expect(rejectsOf(recs)).toHaveLength(1);
    expect(rejectsOf(recs)[0]!.reason).toMatch(/is not repeated at its end/);
    expect(eventsOf(recs)).toHaveLength(2260);
  });

  it('single-byte corruption anywhere in a log never throws and always ends', () => {
    const data = readFileSync(NEW_USER);
    const rand = noise(4000, 42);
    for (let i = 0; i < 1000; i++) {
      const pos = 4096 + (rand.readUInt16LE(i * 2) % 6000);
      const hostile = Buffer.from(data);
      hostile[pos] = rand[2000 + i]!;
      const recs = readAll(hostile);
      expect(recs.length).toBeLessThan(50);
      for (const r of recs) expect(r.outcome.kind === 'events' || r.outcome.kind === 'reject').toBe(true);
    }
  });
});

describe('evtx: values and XML (as the libyal EVTX specification defines them)', () => {
  it('FILETIME -> ISO UTC with 100 ns digits', () => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(116444736000000000n + 15_000_000n); // 1970-01-01T00:00:01.5Z
    expect(filetimeToIso(b, 0)).toBe('1970-01-01T00:00:01.5000000Z');
    expect(isoToMs('1970-01-01T00:00:01.5000000Z')).toBe(1500);
    b.writeBigUInt64LE(0n);
    expect(filetimeToIso(b, 0)).toBe('1601-01-01T00:00:00.0000000Z');
  });

  it('SID and GUID', () => {
    // S-1-5-21-1-2-3: revision 1, 4 sub-authorities, authority 5 (big-endian, 6 bytes).
    const sid = Buffer.from('010400000000000515000000010000000200000003000000', 'hex');
    expect(sidToString(sid, 0, sid.length)).toBe('S-1-5-21-1-2-3');
    expect(sidToString(sid, 0, 10)).toBeNull();
    const guid = Buffer.from('5f387057' + '2ac2' + 'e043' + 'bf4c06f5698ffbd9', 'hex');
    expect(guidToString(guid, 0)).toBe('{5770385F-C22A-43E0-BF4C-06F5698FFBD9}');
  });

  it('escapes markup in text and attributes', () => {
    expect(escapeText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;"c"');
    expect(escapeAttribute('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(renderXml([{ kind: 'element', name: 'A', attributes: [{ name: 'x', value: '1"2' }], children: ['<&>'] }])).toBe(
      '<A x="1&quot;2">&lt;&amp;&gt;</A>',
    );
  });

  it('CRC-32 of RFC 1952', () => {
    expect(crc32(Buffer.from('123456789'), 0, 9)).toBe(0xcbf43926);
  });

  it('renderEvtxRecordInChunk refuses offsets that are not records', () => {
    const chunk = readFileSync(SECURITY).subarray(4096, 4096 + 65536);
    expect(() => renderEvtxRecordInChunk(chunk, 10)).toThrow(/no EVTX record/);
    expect(() => renderEvtxRecordInChunk(chunk, 513)).toThrow(/no EVTX record signature/);
    expect(renderEvtxRecordInChunk(chunk, 512)).toContain('<EventRecordID>1</EventRecordID>');
  });
});

describe('evtx: through the ingest pipeline', () => {
  it('sniffs the three samples as evtx and stores 358, 2261 and 4 events with no rejects', async () => {
    const store = await CaseStore.create(path.join(tempDir(), 'c.tlcase'), { timezone: 'Asia/Tokyo' });
    try {
      for (const [file, count] of [
        [SYSMON, 358],
        [SECURITY, 2261],
        [NEW_USER, 4],
      ] as const) {
        const ev = await ingestFile(store, { path: file, timezone: 'Asia/Tokyo' });
        expect(ev.format).toBe('evtx');
        expect(ev.events).toBe(count);
        expect(ev.rejected).toBe(0);
      }
      const rows = firstEvents(store, undefined, 5);
      expect(rows).toHaveLength(5);
      for (const r of rows) {
        expect(r.source_format).toBe('evtx');
        expect(r.time_zone).toBe('UTC');
        // The stored byte range is the record itself, which renderEvtxRecordAt renders.
        const file = [SYSMON, SECURITY, NEW_USER].find((f) => f.endsWith(String(r.source_file)))!;
        expect(renderEvtxRecordAt(file, Number(r.source_offset))).toMatch(/^<Event xmlns=/);
      }
    } finally {
      store.close();
    }
  });
});

/**
 * Writes EVTX bytes from scratch, following the libyal specification, so that BinXML
 * features the real samples do not use (arrays, entity and character references, CDATA,
 * nested BinXML values, optional substitutions without a value) are covered too.
 */
class EvtxWriter {
  readonly buf = Buffer.alloc(65536);
  pos = 0;
  private readonly names = new Map<string, number>();

  u8(v: number): void {
    this.buf[this.pos++] = v;
  }
  u16(v: number): void {
    this.buf.writeUInt16LE(v, this.pos);
    this.pos += 2;
  }
  u32(v: number): void {
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.pos += 4;
  }
  u64(v: bigint): void {
    this.buf.writeBigUInt64LE(v, this.pos);
    this.pos += 8;
  }
  raw(b: Buffer): void {
    b.copy(this.buf, this.pos);
    this.pos += b.length;
  }
  /** A name reference; the name is written inline the first time. */
  name(s: string): void {
    const known = this.names.get(s);
    if (known !== undefined) return this.u32(known);
    const at = this.pos + 4;
    this.names.set(s, at);
    this.u32(at);
    this.u32(0);
    this.u16(0);
    this.u16(s.length);
    this.raw(Buffer.from(s, 'utf16le'));
    this.u16(0);
  }
  text(s: string): void {
    this.u8(0x05);
    this.u8(0x01);
    this.u16(s.length);
    this.raw(Buffer.from(s, 'utf16le'));
  }
  sub(index: number, type: number, optional = false): void {
    this.u8(optional ? 0x0e : 0x0d);
    this.u16(index);
    this.u8(type);
  }
  element(name: string, depId: boolean, attrs: [string, () => void][], content: (() => void) | null): void {
    this.u8(attrs.length > 0 ? 0x41 : 0x01);
    if (depId) this.u16(0xffff);
    this.u32(0); // data size (not needed to read)
    this.name(name);
    if (attrs.length > 0) this.u32(0); // attribute list size
    attrs.forEach(([n, value], i) => {
      this.u8(i < attrs.length - 1 ? 0x46 : 0x06);
      this.name(n);
      value();
    });
    if (content === null) return this.u8(0x03);
    this.u8(0x02);
    content();
    this.u8(0x04);
  }
}

const FILETIME_2024 = 116444736000000000n + BigInt(Date.UTC(2024, 0, 2, 3, 4, 5, 678)) * 10_000n + 9n;

function writeTemplate(w: EvtxWriter): void {
  const el = (name: string, attrs: [string, () => void][], content: (() => void) | null): void => w.element(name, true, attrs, content);
  w.u8(0x0f);
  w.u8(1);
  w.u8(1);
  w.u8(0);
  el('Event', [['xmlns', () => w.text('http://schemas.microsoft.com/win/2004/08/events/event')]], () => {
    el('System', [], () => {
      el('Provider', [['Name', () => w.sub(0, 0x01)]], null);
      el('EventID', [], () => w.sub(1, 0x06));
      el('TimeCreated', [['SystemTime', () => w.sub(2, 0x11)]], null);
      el('EventRecordID', [], () => w.sub(3, 0x0a));
      el('Computer', [], () => w.sub(4, 0x01));
      el('Correlation', [['ActivityID', () => w.sub(5, 0x0f, true)]], null);
    });
    el('EventData', [], () => {
      el('Data', [['Name', () => w.text('Arr')]], () => w.sub(6, 0x81));
      el('Data', [['Name', () => w.text('Ent')]], () => {
        w.u8(0x45);
        w.u8(0x01);
        w.u16(2);
        w.raw(Buffer.from('x ', 'utf16le'));
        w.u8(0x49); // entity reference &amp;
        w.name('amp');
        w.u8(0x48); // character reference &#60;
        w.u16(60);
        w.u8(0x07); // CDATA
        w.u16(3);
        w.raw(Buffer.from('c]>', 'utf16le'));
      });
      el('Data', [['Name', () => w.text('Sid')]], () => w.sub(7, 0x13));
      el('Data', [['Name', () => w.text('Size')]], () => w.sub(8, 0x10));
      el('Data', [['Name', () => w.text('Bool')]], () => w.sub(9, 0x0d));
      el('Data', [['Name', () => w.text('Bin')]], () => w.sub(10, 0x0e));
      w.sub(11, 0x21);
    });
  });
  w.u8(0x00);
}

/** One record of the generated chunk: a template instance (defined inline the first time). */
function writeRecord(w: EvtxWriter, id: number, computer: string, state: { def?: number }, nestedDepId = false): void {
  const start = w.pos;
  w.u32(0x2a2a);
  w.u32(0); // size, patched below
  w.u64(BigInt(id));
  w.u64(FILETIME_2024);
  w.u8(0x0f);
  w.u8(1);
  w.u8(1);
  w.u8(0);
  w.u8(0x0c);
  w.u8(0x01);
  w.u32(0x1234);
  if (state.def === undefined) {
    state.def = w.pos + 4;
    w.u32(state.def);
    w.u32(0); // next template
    w.raw(Buffer.alloc(16, 0xab)); // template GUID
    const sizeAt = w.pos;
    w.u32(0);
    writeTemplate(w);
    w.buf.writeUInt32LE(w.pos - sizeAt - 4, sizeAt);
  } else {
    w.u32(state.def);
  }
  const values: [number, (() => void) | Buffer][] = [
    [0x01, Buffer.from('Test-Provider', 'utf16le')],
    [0x06, Buffer.from([7, 0])],
    [0x11, Buffer.from(new BigUint64Array([FILETIME_2024]).buffer)],
    [0x0a, Buffer.from(new BigUint64Array([BigInt(id)]).buffer)],
    [0x01, Buffer.from(computer, 'utf16le')],
    [0x00, Buffer.alloc(0)],
    [0x81, Buffer.from('a\0b&<\0', 'utf16le')],
    [0x13, Buffer.from('010100000000000512000000', 'hex')],
    [0x10, Buffer.from('1f00000000000000', 'hex')],
    [0x0d, Buffer.from('01000000', 'hex')],
    [0x0e, Buffer.from('deadbeef', 'hex')],
    // Nested BinXML: a fragment holding <Extra Kind="k">nested</Extra>, no dependency identifiers.
    [
      0x21,
      () => {
        w.u8(0x0f);
        w.u8(1);
        w.u8(1);
        w.u8(0);
        w.element('Extra', nestedDepId, [['Kind', () => w.text('k')]], () => w.text('nested'));
        w.u8(0x00);
      },
    ],
  ];
  w.u32(values.length);
  const sizes: number[] = [];
  for (const [type] of values) {
    sizes.push(w.pos);
    w.u16(0);
    w.u8(type);
    w.u8(0);
  }
  values.forEach(([, v], i) => {
    const at = w.pos;
    if (Buffer.isBuffer(v)) w.raw(v);
    else v();
    w.buf.writeUInt16LE(w.pos - at, sizes[i]!);
  });
  w.u8(0x00); // end of stream
  const size = w.pos - start + 4;
  w.u32(size);
  w.buf.writeUInt32LE(size, start + 4);
}

/** A record whose template's body is an instance of that same template. */
function writeSelfReferringRecord(w: EvtxWriter, id: number): void {
  const start = w.pos;
  w.u32(0x2a2a);
  w.u32(0);
  w.u64(BigInt(id));
  w.u64(FILETIME_2024);
  w.raw(Buffer.from([0x0f, 1, 1, 0, 0x0c, 1]));
  w.u32(0x99);
  const def = w.pos + 4;
  w.u32(def);
  w.u32(0);
  w.raw(Buffer.alloc(16));
  const sizeAt = w.pos;
  w.u32(0);
  w.raw(Buffer.from([0x0f, 1, 1, 0, 0x0c, 1]));
  w.u32(0x99);
  w.u32(def);
  w.u32(0); // no values
  w.u8(0x00);
  w.buf.writeUInt32LE(w.pos - sizeAt - 4, sizeAt);
  w.u32(0); // no values
  w.u8(0x00);
  const size = w.pos - start + 4;
  w.u32(size);
  w.buf.writeUInt32LE(size, start + 4);
}

function generatedLog(selfReferring = false, nestedDepId = false): Buffer {
  const w = new EvtxWriter();
  w.raw(Buffer.from('ElfChnk\0', 'latin1'));
  w.pos = 512;
  const state: { def?: number } = {};
  const first = w.pos;
  writeRecord(w, 1, 'HOST-<1>', state, nestedDepId);
  const last = w.pos;
  writeRecord(w, 2, 'HOST-2', state, nestedDepId);
  if (selfReferring) writeSelfReferringRecord(w, 3);
  const c = w.buf;
  c.writeBigUInt64LE(1n, 8);
  c.writeBigUInt64LE(2n, 16);
  c.writeBigUInt64LE(1n, 24);
  c.writeBigUInt64LE(2n, 32);
  c.writeUInt32LE(128, 40);
  c.writeUInt32LE(last, 44);
  c.writeUInt32LE(w.pos, 48);
  c.writeUInt32LE(crc32(c, 512, w.pos), 52);
  c.writeUInt32LE(crc32(c, 128, 512, crc32(c, 0, 120)), 124);
  expect(first).toBe(512);
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 'latin1');
  header.writeBigUInt64LE(3n, 24);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(1, 42);
  header.writeUInt32LE(crc32(header, 0, 120), 124);
  return Buffer.concat([header, c]);
}

describe('evtx: generated input (BinXML features beyond the samples)', () => {
  it('expands arrays, references, CDATA, nested BinXML and optional substitutions', () => {
    const data = generatedLog();
    const recs = readAll(data);
    expect(rejectsOf(recs)).toEqual([]);
    const [a, b] = eventsOf(recs);
    expect(a).toMatchObject({
      ts: Date.UTC(2024, 0, 2, 3, 4, 5, 678),
      timeRaw: '2024-01-02T03:04:05.6780009Z',
      timeZone: 'UTC',
      host: 'HOST-<1>',
      category: 'other',
      extra: {
        provider: 'Test-Provider',
        event_id: 7,
        record_id: 1,
        Arr: 'a',
        Arr_2: 'b&<',
        Ent: 'x &<c]>',
        Sid: 'S-1-5-18',
        Size: '0x1f',
        Bool: 'true',
        Bin: 'DEADBEEF',
        Extra: 'nested',
      },
    });
    // The second record refers back to the first one's template and names.
    expect(b).toMatchObject({ host: 'HOST-2', extra: { record_id: 2, Arr: 'a' } });
    const chunk = data.subarray(4096);
    expect(renderEvtxRecordInChunk(chunk, 512)).toBe(
      [
        '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
        '  <System>',
        '    <Provider Name="Test-Provider"/>',
        '    <EventID>7</EventID>',
        '    <TimeCreated SystemTime="2024-01-02T03:04:05.6780009Z"/>',
        '    <EventRecordID>1</EventRecordID>',
        '    <Computer>HOST-&lt;1&gt;</Computer>',
        '    <Correlation/>',
        '  </System>',
        '  <EventData>',
        '    <Data Name="Arr">a</Data>',
        '    <Data Name="Arr">b&amp;&lt;</Data>',
        '    <Data Name="Ent">',
        '      x &amp;&lt;',
        '      <![CDATA[c]>]]>',
        '    </Data>',
        '    <Data Name="Sid">S-1-5-18</Data>',
        '    <Data Name="Size">0x1f</Data>',
        '    <Data Name="Bool">true</Data>',
        '    <Data Name="Bin">DEADBEEF</Data>',
        '    <Extra Kind="k">nested</Extra>',
        '  </EventData>',
        '</Event>',
      ].join('\n'),
    );
  });

  it('reads nested BinXML elements written with a dependency identifier too', () => {
    const recs = readAll(generatedLog(false, true));
    expect(rejectsOf(recs)).toEqual([]);
    expect(eventsOf(recs).map((e) => e.extra!.Extra)).toEqual(['nested', 'nested']);
    expect(renderEvtxRecordInChunk(generatedLog(false, true).subarray(4096), 512)).toContain('    <Extra Kind="k">nested</Extra>');
  });

  it('a template that refers to itself is rejected, not followed forever', () => {
    const recs = readAll(generatedLog(true));
    expect(eventsOf(recs)).toHaveLength(2);
    const rejects = rejectsOf(recs);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]!.reason).toMatch(/^record 3 \(chunk 0\): template at \d+ refers to itself/);
  });
});
