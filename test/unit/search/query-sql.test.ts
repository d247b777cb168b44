import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventFilter } from '../../../electron/common/protocol';
import { whereClause } from '../../../electron/engine/store/query';
import type { CaseStore } from '../../../electron/engine/store/case-store';
import { indexNextChunk } from '../../../electron/engine/store/fts/fts-builder';
import { countEvents } from '../../../electron/engine/store/event-queries';
import { ids, searchCase } from './search-case';

const EVENTS = [
  { time: '2026-10-05T00:05:00.000Z', host: 'WS-TKY-014', user: 'tanaka', category: 'process', action: 'process_start', process_name: 'WINWORD.EXE', process_command_line: '"WINWORD.EXE" /n 請求書.doc' },
  { time: '2026-10-05T00:10:00.000Z', host: 'WS-TKY-014', user: 'tanaka', category: 'process', action: 'process_start', process_name: 'rundll32.exe', process_command_line: 'rundll32.exe C:\\Users\\tanaka\\AppData\\Local\\Temp\\x.dll,Control_RunDLL' },
  { time: '2026-10-05T00:15:30.000Z', host: 'ws-osk-002', user: 'sato', category: 'process', action: 'process_start', process_name: 'regsvr32.exe', process_command_line: 'regsvr32.exe /s payload.ocx' },
  { time: '2026-10-05T00:20:59.000Z', host: 'WS-TKY-014', category: 'network', action: 'network_connection', src_ip: '10.0.0.14', dst_ip: '203.0.113.50', dst_port: 8080 },
  { time: '2026-10-05T00:21:00.000Z', category: 'web', action: 'http_request', src_ip: '10.0.0.14', dst_ip: '203.0.113.50', dst_port: 443, url: 'http://invoice-portal.example/請求書.doc', domain: 'invoice-portal.example', message: '不審な通信を検知' },
  { time: '2026-10-05T01:00:00.000Z', category: 'firewall', action: 'firewall_deny', src_ip: '10.0.0.99', dst_ip: '198.51.100.7', dst_port: 80, message: "'; DROP TABLE event_row; --" },
];

let store: CaseStore;
beforeEach(async () => {
  store = await searchCase(EVENTS);
});
afterEach(() => store.close());

/** Ids (1-based, in EVENTS order) the query matches, scanning and through the full-text index. */
function find(query: string, extra: EventFilter = {}): number[] {
  const run = (ftsReady: boolean) => {
    const where = whereClause({ query, ...extra }, { ftsReady });
    return ids(store.all(`SELECT id FROM events ${where.sql} ORDER BY id`, where.params));
  };
  return run(false);
}

function findIndexed(query: string): number[] {
  while (indexNextChunk(store, 2));
  const where = whereClause({ query }, { ftsReady: true });
  return ids(store.all(`SELECT id FROM events ${where.sql} ORDER BY id`, where.params));
}

describe('query language against a case', () => {
  it('finds what the issue says it must', () => {
    expect(find('host:WS-TKY-014')).toEqual([1, 2, 4]);
    expect(find('rundll32 OR regsvr32')).toEqual([2, 3]);
    expect(find('rundll32 WS-TKY-014')).toEqual([2]);
    expect(find('process_name:rundll32.exe')).toEqual([2]);
    expect(find('dst_port:8080')).toEqual([4]);
  });

  it('compares text case-insensitively, numbers exactly', () => {
    expect(find('host:ws-tky-014')).toEqual([1, 2, 4]);
    expect(find('PROCESS_NAME:RUNDLL32.EXE')).toEqual([2]);
    expect(find('dst_port:808')).toEqual([]);
    expect(find('host:WS-TKY')).toEqual([]);
    expect(find('host:WS-TKY*')).toEqual([1, 2, 4]);
    expect(find('process_command_line:control_rundll')).toEqual([2]);
  });

  it('honours precedence, parentheses and negation, NULL hosts included in NOT', () => {
    expect(find('host:WS-TKY-014 AND rundll32 OR regsvr32')).toEqual([2, 3]);
    expect(find('host:WS-TKY-014 AND (rundll32 OR regsvr32)')).toEqual([2]);
    expect(find('NOT host:WS-TKY-014')).toEqual([3, 5, 6]);
    expect(find('-host:WS-TKY-014 -category:firewall')).toEqual([3, 5]);
    expect(find('NOT (host:WS-TKY-014 OR host:ws-osk-002)')).toEqual([5, 6]);
    expect(find('host:""')).toEqual([5, 6]);
  });

  it('reads ranges and comparisons on numbers and times', () => {
    expect(find('dst_port:[1024 TO *]')).toEqual([4]);
    expect(find('dst_port:>=443')).toEqual([4, 5]);
    expect(find('dst_port:{80 TO 443]')).toEqual([5]);
    expect(find('time:[2026-10-05T00:10 TO 00:20]')).toEqual([2, 3, 4]);
    expect(find('time:[2026-10-05T00:10 TO 00:20}')).toEqual([2, 3]);
    expect(find('time:2026-10-05T01')).toEqual([6]);
    expect(find('time:>2026-10-05T00:20')).toEqual([5, 6]);
    expect(find('port:80')).toEqual([6]);
    expect(find('ip:10.0.0.*')).toEqual([4, 5, 6]);
  });

  it('applies the time range and the old filter fields with the query', () => {
    expect(find('host:WS-TKY-014', { from: '2026-10-05T00:06', to: '2026-10-05T00:21' })).toEqual([2, 4]);
    expect(find('', { category: 'process' })).toEqual([1, 2, 3]);
  });

  it('finds Japanese words and phrases anywhere in a value', () => {
    expect(find('請求書')).toEqual([1, 5]);
    expect(find('"不審な通信"')).toEqual([5]);
    expect(find('url:請求書')).toEqual([5]);
    expect(findIndexed('請求書')).toEqual([1, 5]);
    expect(findIndexed('通信')).toEqual([5]);
  });

  it('treats injection attempts as text', () => {
    expect(find("'; DROP TABLE event_row; --")).toEqual([6]);
    expect(find("host:\"x' OR '1'='1\"")).toEqual([]);
    expect(find('message:"DROP TABLE"')).toEqual([6]);
    expect(Number(store.scalar('SELECT count(*) FROM event_row'))).toBe(6);
    const where = whereClause({ query: "host:\"'; DROP TABLE event_row; --\"" });
    expect(where.sql).not.toContain('DROP');
    expect(where.params).toContain("'; DROP TABLE event_row; --");
  });

  it('finds the same events through the full-text index as by scanning', () => {
    for (const q of ['rundll32 OR regsvr32', 'rundll32 WS-TKY-014', 'invoice', 'RUNDLL', '"Control_RunDLL"', '203.0.113.50', 'tanaka -rundll32']) {
      expect(findIndexed(q), q).toEqual(find(q));
    }
  });

  it('matches tags by label, only while the tag is active', () => {
    store.db.run("INSERT INTO tag (id, event_id, label, examiner, created_at) VALUES (1, 2, 'evidence', 'x', 't'), (2, 3, 'evidence', 'x', 't')");
    store.db.run("UPDATE tag SET removed_at = 't2' WHERE id = 2");
    expect(find('tag:evidence')).toEqual([2]);
    expect(find('tag:EVIDENCE rundll32')).toEqual([2]);
  });

  it('counts with the same clause', () => {
    expect(countEvents(store, { query: 'category:process' })).toBe(3);
    expect(countEvents(store)).toBe(6);
  });
});
