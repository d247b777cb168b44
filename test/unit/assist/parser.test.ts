import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../electron/engine/assist/parse';
import { buildSql, explain } from '../../../electron/engine/assist/sql';
import { readTime } from '../../../electron/engine/assist/time-expr';
import { loadVocabulary, type Vocabulary } from '../../../electron/engine/assist/vocabulary';
import { isWriteRequest } from '../../../electron/engine/assist/write-request';
import { CaseSession } from '../../../electron/engine/custody/session';
import { emotetCase } from './case-fixture';

let session: CaseSession;
let vocab: Vocabulary;

beforeAll(async () => {
  session = await CaseSession.open(emotetCase(), { readOnly: true });
  vocab = loadVocabulary(session.store);
}, 120_000);
afterAll(() => session?.close());

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const CTX = { zone: 'UTC', first: '2026-10-04T23:50:00.000Z', last: '2026-10-05T02:29:55.000Z' };
const time = (q: string, ctx = CTX) => {
  const r = readTime(q.normalize('NFKC'), ctx).range;
  return r ? [iso(r.from), iso(r.to), r.zone] : null;
};

function plan(q: string) {
  const p = parseQuestion(q, vocab);
  if (!p.ok) throw new Error(p.problem);
  return p.plan;
}
const filterOf = (q: string, field: string) => plan(q).filters.find((f) => f.fields.includes(field as never) && f.op !== 'nonnull');

describe('time expressions and zones', () => {
  it('reads the issue\'s Japanese range in Japan time', () => {
    expect(time('10月5日9時10分から9時20分（日本時間）')).toEqual(['2026-10-05T00:10:00.000Z', '2026-10-05T00:20:00.000Z', 'Asia/Tokyo']);
  });
  it('reads an English range with a zone and a date after the times', () => {
    expect(time('between 00:10 and 00:15 UTC on 5 October 2026')).toEqual(['2026-10-05T00:10:00.000Z', '2026-10-05T00:15:00.000Z', 'UTC']);
  });
  it('reads ±N minutes around a time (前後5分, within N minutes of)', () => {
    expect(time('00:12:44の前後5分')).toEqual(['2026-10-05T00:07:44.000Z', '2026-10-05T00:17:44.000Z', 'UTC']);
    expect(time('within 2 minutes of 00:13:30')).toEqual(['2026-10-05T00:11:30.000Z', '2026-10-05T00:15:30.000Z', 'UTC']);
  });
  it('reads open ranges: after / 以降 / before / より前', () => {
    expect(time('after 9:10 JST')).toEqual(['2026-10-05T00:10:00.000Z', null, 'Asia/Tokyo']);
    expect(time('9時10分以降(日本時間)')).toEqual(['2026-10-05T00:10:00.000Z', null, 'Asia/Tokyo']);
    expect(time('before 00:12')).toEqual([null, '2026-10-05T00:12:00.000Z', 'UTC']);
    expect(time('10月5日0時より前')).toEqual([null, '2026-10-05T00:00:00.000Z', 'UTC']);
  });
  it('reads ISO times and numeric offsets', () => {
    expect(time('2026-10-05T00:12:41Z')).toEqual(['2026-10-05T00:12:41.000Z', '2026-10-05T00:12:42.000Z', 'UTC']);
    expect(time('2026-10-05 09:10+09:00 to 09:20+09:00')).toEqual(['2026-10-05T00:10:00.000Z', '2026-10-05T00:20:00.000Z', '+09:00']);
  });
  it('uses the case zone when the question names none', () => {
    expect(time('10月5日9時10分から9時20分', { ...CTX, zone: 'Asia/Tokyo' })).toEqual(['2026-10-05T00:10:00.000Z', '2026-10-05T00:20:00.000Z', 'Asia/Tokyo']);
    expect(time('10月5日9時10分から9時20分')).toEqual(['2026-10-05T09:10:00.000Z', '2026-10-05T09:20:00.000Z', 'UTC']);
  });
  it('reads yesterday / 昨日 / last N minutes relative to the case, not to the clock', () => {
    expect(time('yesterday')).toEqual(['2026-10-04T00:00:00.000Z', '2026-10-05T00:00:00.000Z', 'UTC']);
    expect(time('昨日', { ...CTX, zone: 'Asia/Tokyo' })).toEqual(['2026-10-03T15:00:00.000Z', '2026-10-04T15:00:00.000Z', 'Asia/Tokyo']);
    expect(time('in the last 30 minutes')).toEqual(['2026-10-05T01:59:55.000Z', '2026-10-05T02:29:55.001Z', 'UTC']);
  });
  it('puts a date-less time on the case day where it falls inside the case', () => {
    // 00:10 UTC on 4 October is before the case starts (23:50 that day): 5 October is meant.
    expect(time('at 00:12 UTC')).toEqual(['2026-10-05T00:12:00.000Z', '2026-10-05T00:13:00.000Z', 'UTC']);
  });
  it('finds no time in a question without one, and leaves addresses and ports alone', () => {
    expect(time('connections to 198.51.100.23:8080')).toBeNull();
  });
});

describe('vocabulary lookup', () => {
  it('finds hosts without their DNS suffix, users without their domain, processes without .exe, any case', () => {
    expect(filterOf('events on WKS-ACCT-07', 'host')?.values).toEqual(['wks-acct-07.acme.local']);
    expect(filterOf('what did yamada.taro do', 'user')?.values).toEqual(['acme\\yamada.taro']);
    expect(filterOf('who ran winword', 'process_name')?.values).toEqual(['WINWORD.EXE']);
    expect(filterOf('qzx81.dllのイベント', 'file_name')?.values).toEqual(['qzx81.dll']);
  });
  it('tokenizes Japanese without spaces by longest match over the case and the lexicon', () => {
    const p = plan('wks-acct-07でrundll32を実行したユーザーは誰');
    expect(p.intent).toBe('distinct');
    expect(p.dim).toBe('user');
    expect(filterOf('wks-acct-07でrundll32を実行したユーザーは誰', 'host')?.values).toEqual(['wks-acct-07.acme.local']);
    expect(filterOf('wks-acct-07でrundll32を実行したユーザーは誰', 'category')?.values).toEqual(['process']);
  });
  it('refuses a name the case does not hold instead of dropping the filter', () => {
    const p = parseQuestion('events on wks-xyz-99', vocab);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problem).toContain('wks-xyz-99');
  });
  it('reads an address as source or destination from its particle / preposition', () => {
    expect(filterOf('10.20.30.47からの通信', 'src_ip')?.fields).toEqual(['src_ip']);
    expect(filterOf('198.51.100.23への通信', 'dst_ip')?.fields).toEqual(['dst_ip']);
    expect(filterOf('connections to 198.51.100.23', 'dst_ip')?.fields).toEqual(['dst_ip']);
    expect(filterOf('events with 198.51.100.23', 'dst_ip')?.fields).toEqual(['src_ip', 'dst_ip']);
  });
});

describe('intents × filters', () => {
  it.each([
    ['how many events on wks-acct-07', 'count', null],
    ['wks-acct-07のイベントは何件', 'count', null],
    ['how many hosts', 'count_distinct', 'host'],
    ['ホストは何台', 'count_distinct', 'host'],
    ['events per host', 'group', 'host'],
    ['カテゴリ別の件数', 'group', 'category'],
    ['top 3 domains', 'top', 'domain'],
    ['上位3件のドメイン', 'top', 'domain'],
    ['which hosts ran powershell', 'distinct', 'host'],
    ['powershellを実行したホストは', 'distinct', 'host'],
    ['first event on adm-01', 'first', null],
    ['最後のイベント', 'last', null],
    ['when did yamada.taro run powershell', 'when', null],
    ['show process events on wks-sales-03', 'rows', null],
  ])('%s -> %s', (q, intent, dim) => {
    const p = plan(q);
    expect(p.intent).toBe(intent);
    expect(p.dim).toBe(dim);
  });

  it('excludes a category with except / 以外', () => {
    for (const q of ['events on adm-01 except firewall', 'adm-01のファイアウォール以外のイベント']) {
      const f = plan(q).filters.find((x) => x.fields[0] === 'category')!;
      expect([f.op, f.values]).toEqual(['ne', ['firewall']]);
    }
  });

  it('reads "top N" and the singular "most" as limits', () => {
    expect(plan('top 3 domains').limit).toBe(3);
    expect(plan('busiest host').limit).toBe(1);
    expect(plan('最もイベントが多いホスト').limit).toBe(1);
  });

  it('writes SQL over events with literal values and a why line naming every filter', () => {
    const p = plan('10月5日9時10分から9時20分（日本時間）のwks-acct-07のプロセスイベントは何件');
    const sql = buildSql(p, 1000);
    expect(sql).toContain("host = 'wks-acct-07.acme.local'");
    expect(sql).toContain("time >= '2026-10-05T00:10:00.000Z'");
    expect(sql).toContain("time < '2026-10-05T00:20:00.000Z'");
    expect(sql).toContain("category = 'process'");
    expect(sql).toContain('group_concat(CASE WHEN rn <= 100 THEN id END) AS event_ids');
    const why = explain(p, 'en');
    expect(why).toContain('host = wks-acct-07.acme.local');
    expect(why).toContain('time 2026-10-05 00:10–00:20Z');
    expect(why).toContain('category = process');
  });
});

describe('requests to change the case', () => {
  it.each(['delete the events of host adm-01', 'please remove all tags', 'タグを消して', 'wks-acct-07のイベントを削除して', 'DELETE FROM events'])('%s is a write request', (q) => {
    expect(isWriteRequest(q)).toBe(true);
  });
  it.each(['which files were deleted', '削除されたファイルは', 'how many registry changes'])('%s is a question', (q) => {
    expect(isWriteRequest(q)).toBe(false);
  });
});
