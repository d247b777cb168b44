// The errors, skipped indicator entries and reject reasons an examiner meets carry codes
// (common/coded-text.ts) beside the English. Each is produced here by the real engine code (a
// case another examiner holds, a missing case file, a bad column mapping, indicator files that
// hold no indicator, records a parser rejected): rendered with the English dictionary the code
// gives back exactly the engine's English; in Japanese it is translated and keeps the values
// from the evidence as written. The RPC envelope carries the code (rpc/error-envelope.ts) and
// the page's error text follows the UI's language (client/engine-error.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodedParam, CodedText } from '../../../../electron/common/coded-text';
import { codeOf } from '../../../../electron/engine/coded-error';
import { CaseSession } from '../../../../electron/engine/custody/session';
import { parseIndicatorContent } from '../../../../electron/engine/detect/ioc/load';
import { validateMapping } from '../../../../electron/engine/formats/generic/validate-mapping';
import { resolveIngestChoices } from '../../../../electron/engine/ingest/ingest-options';
import { rejectReasonCode } from '../../../../electron/engine/ingest/reject-codes';
import { serializeError } from '../../../../electron/engine/rpc/error-envelope';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { EngineError, errorMessage } from '../../../../renderer/src/client/engine-error';
import { renderCoded } from '../../../../renderer/src/features/engine-text/render-coded';
import { tracelight } from '../../helpers/cli';
import { samplesRoot as SAMPLES } from '../../helpers/samples';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-coded-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function values(c: CodedParam): string[] {
  if (typeof c === 'string') return [c];
  if (typeof c === 'number') return [];
  return Object.values(c.params ?? {}).flatMap(values);
}

/** English exact, Japanese translated with the evidence's values kept. */
function expectBothWays(coded: CodedText | undefined, english: string, where = english): void {
  expect(coded, where).toBeDefined();
  expect(renderCoded('en', coded!), where).toBe(english);
  const ja = renderCoded('ja', coded!);
  expect(ja, where).not.toBeNull();
  expect(ja, where).not.toBe(english);
  expect(ja, where).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  for (const v of values(coded!)) if (v.length > 0) expect(ja, where).toContain(v);
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a throw');
}

async function rejected(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('RPC errors an examiner meets', () => {
  it('a case another examiner holds opens read-only; a write names the holder, in both languages', async () => {
    const file = path.join(dir, '事案 A.tlcase');
    const first = await CaseSession.open(file, { examiner: '佐藤', create: { name: '事案 A', timezone: 'Asia/Tokyo' } });
    try {
      const second = await CaseSession.open(file, { examiner: '鈴木' });
      try {
        expect(second.readOnly).toBe(true);
        expectBothWays(second.readOnlyCode ?? undefined, second.readOnlyReason!, 'read-only reason');
        expect(renderCoded('ja', second.readOnlyCode!)).toContain('佐藤 さんが');
        const err = thrown(() => second.requireWritable());
        const envelope = serializeError(err);
        expect(envelope.name).toBe('CaseError');
        expect(envelope.message).toBe(err.message);
        expectBothWays(envelope.code, err.message, 'case.readOnly');
        // The page shows the Japanese in a Japanese UI, the engine's English in an English one.
        const onPage = new EngineError(envelope.name, envelope.message, envelope.code);
        expect(errorMessage(onPage, 'ja')).toContain('この事案は読み取り専用です');
        expect(errorMessage(onPage, 'en')).toBe(err.message);
      } finally {
        second.close();
      }
    } finally {
      first.close();
    }
  });

  it('a missing case file and a file that is no case', async () => {
    const missing = await rejected(CaseStore.open(path.join(dir, 'nowhere.tlcase')));
    expect(codeOf(missing)?.code).toBe('case.notFound');
    expectBothWays(codeOf(missing), missing.message);
    const junk = path.join(dir, 'junk.tlcase');
    writeFileSync(junk, 'not a database at all, just some text long enough to hold a header '.repeat(4));
    const notCase = await rejected(CaseStore.open(junk));
    expectBothWays(codeOf(notCase), notCase.message);
  });

  it('nothing open, a case name missing, a case path the browser may not name', async () => {
    const { createEngineService } = await import('../../../../electron/engine/rpc/service');
    const desktop = createEngineService({ mode: 'desktop', workspaceDir: path.join(dir, 'ws-desktop') });
    const serve = createEngineService({ mode: 'serve', workspaceDir: path.join(dir, 'ws-serve') });
    const refusals = [
      await rejected(desktop.handlers['evidence.list']({})),
      await rejected(desktop.handlers['case.create']({ name: '  ' })),
      await rejected(serve.handlers['case.open']({ path: path.join(dir, 'elsewhere', 'x.tlcase') })),
    ];
    expect(refusals.map((e) => codeOf(e)?.code)).toEqual(['rpc.noCase', 'case.needsName', 'path.workspaceOnly']);
    for (const err of refusals) expectBothWays(serializeError(err).code, err.message);
  });

  it('an error without a code keeps its English on the page, in any language', () => {
    const envelope = serializeError(new Error('something only the engine knows'));
    expect(envelope.code).toBeUndefined();
    expect(errorMessage(new EngineError(envelope.name, envelope.message, envelope.code), 'ja')).toBe('something only the engine knows');
    // A code the dictionary lacks falls back to the English too.
    expect(errorMessage(new EngineError('Error', 'as written', { code: 'no.such.code' }), 'ja')).toBe('as written');
  });

  it('ingest choices: an unknown encoding, an impossible base year', () => {
    for (const given of [{ encoding: 'ebcdic-x' }, { baseYear: '1492' }]) {
      const err = thrown(() => resolveIngestChoices(given));
      expectBothWays(codeOf(err), err.message);
    }
  });
});

describe('column-mapping errors', () => {
  const base = { version: 1, format: 'generic-csv', time: { format: 'iso8601' }, csv: { delimiter: ',', header: true } };
  const cases: [string, unknown][] = [
    ['no time', { ...base, columns: [{ source: '送信元', target: 'host' }] }],
    ['two times', { ...base, columns: [{ source: '日時', target: 'time' }, { source: '時刻2', target: 'time' }] }],
    ['time and date', { ...base, columns: [{ source: '日時', target: 'time' }, { source: '日付', target: 'date' }] }],
    ['clock alone', { ...base, columns: [{ source: '時刻', target: 'clock' }, { source: '日時', target: 'host' }] }],
    ['listed twice', { ...base, columns: [{ source: '日時', target: 'time' }, { source: '日時', target: 'host' }] }],
    ['bad zone', { ...base, columns: [{ source: '日時', target: 'time' }], timezone: 'Asia/東京' }],
  ];
  for (const [name, mapping] of cases) {
    it(name, () => {
      const err = thrown(() => validateMapping(mapping));
      expectBothWays(codeOf(err), err.message);
    });
  }
});

describe('indicator files that hold no indicator, and skipped entries', () => {
  const files: [string, string | Uint8Array][] = [
    ['empty.txt', new Uint8Array(0)],
    ['blob.bin', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)],
    ['broken.json', '{"type": "bundle", "objects": [ {"type": "indicator", '],
    ['galaxy.json', JSON.stringify({ uuid: 'x', values: [{ value: 'Emotet' }] })],
    ['other.json', JSON.stringify({ 会社: 'x', note: 'y' })],
    ['notes.txt', '# 今日のメモ\n会議は 10 時から\n'],
    [
      'bundle.json',
      JSON.stringify({
        type: 'bundle',
        objects: [
          { type: 'indicator', name: 'C2 サーバー', pattern_type: 'sigma', pattern: 'x' },
          { type: 'indicator', name: 'ファイル', pattern: "[file:name = 'a.exe']" },
          { type: 'indicator', name: '否定', pattern: "[ipv4-addr:value != '1.2.3.4']" },
        ],
      }),
    ],
  ];
  for (const [name, content] of files) {
    it(name, () => {
      const err = thrown(() => parseIndicatorContent(name, content));
      expectBothWays(codeOf(err), err.message, name);
    });
  }

  it('the skipped entries of a file that has indicators too', () => {
    const file = parseIndicatorContent(
      'feed.csv',
      'type,value,comment\nip,198.51.100.7,C2\nemail,a@example.com,フィッシング\nip,,空\n',
    );
    expect(file.indicators.length).toBe(1);
    expect(file.skipped.length).toBeGreaterThan(0);
    for (const s of file.skipped) expectBothWays(s.reason_code, s.reason, `line ${s.line}`);
    const misp = parseIndicatorContent(
      'event.json',
      JSON.stringify({ Event: { info: 'Emotet', Attribute: [{ type: 'ip-dst', value: '198.51.100.7', to_ids: true }, { type: 'comment', value: 'メモ', to_ids: true }, { type: 'domain', value: 'ex ample', to_ids: true }, { type: 'url', value: 'http://x/', to_ids: false }] } }),
    );
    expect(misp.skipped.length).toBe(3);
    for (const s of misp.skipped) expectBothWays(s.reason_code, s.reason, `object ${s.line}`);
  });
});

describe('reasons a parser rejected a record, as stored in the case', () => {
  it('each known reason is coded; the English round-trips and the Japanese keeps the values', () => {
    const casePath = path.join(dir, 'rejects.tlcase');
    const put = (name: string, text: string, extra: string[] = []) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      const r = tracelight(['ingest', casePath, file, ...extra, '--json']);
      expect(r.code, r.stderr).toBe(0);
    };
    put('table.csv', 'time,host,msg\n2026-10-05T00:00:00Z,h1,ok\nyesterday,h2,bad\n,h3,empty\n2026-10-05T00:00:02Z,h1\n', ['--format', 'generic-csv']);
    put(
      'access.log',
      '1691514939.857    120 192.0.2.10 TCP_MISS/200 512 GET http://example.com/ - HIER_DIRECT/203.0.113.5 text/html\nabc 1 2 3 4 5 6 7 8 9 10\n二つ 目\n',
      ['--format', 'squid'],
    );
    // Firewall logs from the shared samples, each with damaged lines after its first records.
    const sample = (dirName: string, file: string) => readFileSync(path.join(SAMPLES, dirName, file), 'utf8').split('\n').slice(0, 5).join('\n');
    put('fortigate.log', `${sample('fortigate_kv', 'crowdsec_fortinet-vpn-bf.log')}\njust some words here\ndate=2026-10-05 time=01:02:03 devname=x\ndate=bad time=xx type=traffic\n`);
    put('pan.log', `${sample('paloalto_csv', 'crowdsec_palo-alto-threat.log')}\n1,2026/10/05 00:00:00,0011,WEIRD,x\n`);
    put('asa.log', `${sample('cisco_asa_syslog', 'logscale_asa_syslog.log')}\nOct  5 01:02:03 fw1 no tag here\ngarbage\n`);
    // JSON lines, timelines, EDR and Windows exports, each with damaged records after good ones.
    const ts = '{"message":"ok","datetime":"2026-10-05T00:00:00Z","timestamp_desc":"t","timestamp":1759622400000000}';
    put('timeline.jsonl', `${ts}\n{not json\n[1,2]\n`, ['--format', 'timesketch-jsonl']);
    put('plaso.jsonl', '{"__container_type__":"event","timestamp":1759622400000000,"data_type":"x","message":"ok"}\n{"__container_type__":"event","message":"no time"}\n', ['--format', 'plaso-json-line']);
    put('falcon.cef', 'CEF:0|CrowdStrike|FalconHost|1.0|x|y|5|rt=1759622400000 dhost=h1\nnothing to see here\nCEF:0|only|three\n', ['--format', 'crowdstrike-falcon-cef']);
    put('events.json', '{"EventID":1,"SourceName":"Microsoft-Windows-Sysmon","UtcTime":"2026-10-05 00:00:00.000"}\n{"foo":1}\n', ['--format', 'windows-event-json']);
    const q = tracelight(['query', casePath, 'SELECT reason FROM rejected_record ORDER BY id', '--json']);
    expect(q.code, q.stderr).toBe(0);
    const reasons = (JSON.parse(q.stdout) as { reason: string }[]).map((r) => r.reason);
    expect(reasons.length).toBeGreaterThanOrEqual(16);
    expect(reasons.map((r) => rejectReasonCode(r)?.code)).toEqual(expect.arrayContaining(['reject.notJson', 'reject.plasoTimestamp', 'reject.noCef', 'reject.cefHeader', 'reject.notWindowsEvent']));
    for (const reason of reasons) expectBothWays(rejectReasonCode(reason), reason);
    // A reason no pattern knows has no code (the UI shows it as written).
    expect(rejectReasonCode('a reason no parser writes')).toBeUndefined();
  });
});

describe('an indicator file with skipped entries, as detection reports it', () => {
  it('each problem line and the count of the rest are coded', () => {
    const casePath = path.join(dir, 'ioc-problems.tlcase');
    const log = path.join(dir, 'proxy.log');
    writeFileSync(log, '1691514939.857    120 192.0.2.10 TCP_MISS/200 512 GET http://example.com/ - HIER_DIRECT/203.0.113.5 text/html\n');
    expect(tracelight(['ingest', casePath, log, '--format', 'squid']).code).toBe(0);
    const feed = path.join(dir, 'フィード.txt');
    writeFileSync(feed, ['198.51.100.7', ...Array.from({ length: 7 }, (_, i) => `メモ ${i + 1} 行目`)].join('\n'));
    const r = tracelight(['detect', casePath, '--ioc', feed, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const problems = (JSON.parse(r.stdout) as { rules: { problems: { file: string; message: string; message_code?: CodedText }[] } }).rules.problems.filter((p) => p.file === 'フィード.txt');
    expect(problems.length).toBe(6);
    for (const p of problems) expectBothWays(p.message_code, p.message);
    expect(renderCoded('ja', problems[5]!.message_code!)).toBe('ほかに 2 件の項目を読み飛ばしました');
  });
});

describe('examiner actions refused', () => {
  it('a tag without a label, a note without text, an event that does not exist, a tag given twice', async () => {
    const { addNote, addTag } = await import('../../../../electron/engine/custody/actions');
    const file = path.join(dir, '操作.tlcase');
    const session = await CaseSession.open(file, { examiner: '佐藤', create: { name: '操作', timezone: 'UTC' } });
    try {
      const log = path.join(dir, 'one.log');
      writeFileSync(log, '1691514939.857    120 192.0.2.10 TCP_MISS/200 512 GET http://example.com/ - HIER_DIRECT/203.0.113.5 text/html\n');
      const { ingestWithCustody } = await import('../../../../electron/engine/custody/ingest-custody');
      await ingestWithCustody(session, { path: log, timezone: 'UTC', format: 'squid' });
      const id = Number(session.store.scalar('SELECT min(id) FROM event_row'));
      addTag(session, id, '証拠');
      for (const act of [() => addTag(session, id, '  '), () => addTag(session, id, '証拠'), () => addNote(session, id, ' '), () => addTag(session, 999999, '証拠'), () => addTag(session, id, 'x'.repeat(65))]) {
        const err = thrown(act);
        expectBothWays(codeOf(err), err.message);
      }
    } finally {
      session.close();
    }
  });
});

describe("the column mapper's reasons for each proposed column", () => {
  it('every reason is coded: by name, by name and values, by values, the timestamp, no guess', async () => {
    const { proposeMapping } = await import('../../../../electron/engine/ingest/mapping/propose-mapping');
    const file = path.join(dir, 'export.csv');
    writeFileSync(
      file,
      [
        'first_seen_utc,src_ip,dst_port,peer,link,account,note',
        ...Array.from({ length: 12 }, (_, i) => `2026-10-05 00:0${i % 10}:00,10.1.1.${i},443,203.0.113.${i},http://x${i}.example/a,CORP\\user${i},メモ${i}`),
      ].join('\n'),
    );
    const proposal = proposeMapping(file, 'export.csv');
    const codes = new Set<string>();
    for (const c of proposal.columns) {
      expectBothWays(c.reason_code, c.reason, c.source);
      codes.add(c.reason_code!.code);
    }
    expect([...codes].sort()).toEqual(
      ['mapping.reason.name', 'mapping.reason.none', 'mapping.reason.timestamp', 'mapping.reason.nameValues', 'mapping.reason.values'].sort(),
    );
  });
});

describe('an event whose evidence file is gone', () => {
  it("says why its original record cannot be shown, in the event's detail and in its neighbouring lines", async () => {
    const { eventDetail } = await import('../../../../electron/engine/ingest/original-record');
    const { neighbours } = await import('../../../../electron/engine/investigate/neighbours');
    const casePath = path.join(dir, 'gone.tlcase');
    const log = path.join(dir, 'moved-away.log');
    writeFileSync(log, '1691514939.857    120 192.0.2.10 TCP_MISS/200 512 GET http://example.com/ - HIER_DIRECT/203.0.113.5 text/html\n');
    expect(tracelight(['ingest', casePath, log, '--json']).code).toBe(0);
    rmSync(log);
    const store = await CaseStore.open(casePath);
    try {
      const d = eventDetail(store, 1);
      expect(d.original).toBeNull();
      expectBothWays(d.originalUnavailableReason_code, d.originalUnavailableReason!);
      const n = neighbours(store, 1);
      expectBothWays(n.problem_code, n.problem!);
    } finally {
      store.close();
    }
  });
});

describe('problems with Sigma rule files, as the incident view lists them', () => {
  it('a missing path, bad YAML, a binary file, a document that is no rule, a rule not run, a duplicate id', async () => {
    const { mkdirSync } = await import('node:fs');
    const { loadRules } = await import('../../../../electron/engine/detect/sigma/load');
    const { sigmaWindowsMapping } = await import('../../../../electron/engine/detect/sigma/mapping');
    const rules = path.join(dir, 'rules');
    mkdirSync(rules, { recursive: true });
    const rule = (id: string, extra = '') =>
      `title: Rundll32 start\nid: ${id}\nlogsource:\n  category: process_creation\n  product: windows\ndetection:\n  sel:\n    Image|endswith: '\\rundll32.exe'${extra}\n  condition: sel\nlevel: high\n`;
    writeFileSync(path.join(rules, 'a.yml'), rule('00000000-0000-4000-8000-00000000c001'));
    writeFileSync(path.join(rules, 'b.yml'), rule('00000000-0000-4000-8000-00000000c001'));
    writeFileSync(path.join(rules, 'c.yml'), rule('00000000-0000-4000-8000-00000000c002', '\n    Image|sounds_like: x'));
    writeFileSync(path.join(rules, 'd.yml'), 'title: [unclosed\n');
    writeFileSync(path.join(rules, 'e.yml'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(path.join(rules, 'f.yml'), '- just\n- a list\n');
    const loaded = loadRules([rules, path.join(dir, 'no-such-rules')], sigmaWindowsMapping());
    const codes = loaded.problems.map((p) => p.message_code?.code);
    expect(new Set(codes)).toEqual(new Set(['rules.unreadable', 'rules.yamlAt', 'rules.binary', 'rules.notRule', 'rules.notRun', 'rules.duplicateId']));
    for (const p of loaded.problems) expectBothWays(p.message_code, p.message, `${p.file}: ${p.message}`);
  });
});
