// The SQL filter and the JavaScript rule must agree: SQLite picks the rows, JavaScript then
// decides, so a row SQL leaves out is a silently missed detection. Every rule (curated and
// SigmaHQ) is evaluated both ways over the fixture case plus awkward values, and the matched
// events compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_COLUMNS } from '../../../../electron/common/schema';
import { loadRuleSet, type CompiledRule } from '../../../../electron/engine/detect/rules';
import { sigmaWindowsMapping } from '../../../../electron/engine/detect/sigma/mapping';
import { FIXED, fieldGetter, RowView, type Getter, type Row } from '../../../../electron/engine/detect/sigma/row-view';
import { runCompiledRules } from '../../../../electron/engine/detect/sigma/run';
import type { CaseStore } from '../../../../electron/engine/store/case-store';
import { samplePath } from '../../helpers/samples';
import { fixtureCase, type FixtureCase } from '../rules/fixture-case';
import { extraDecoder } from '../../../../electron/engine/store/extra/extra-sql';
import { storedExtra } from '../../helpers/extra';

/** Every rule evaluated in JavaScript alone on every event: rule id -> matched event ids. */
function jsOnly(store: CaseStore, rules: readonly CompiledRule[]): Map<string, number[]> {
  const mapping = sigmaWindowsMapping();
  const cols = [...FIXED, ...EVENT_COLUMNS.filter((c) => !FIXED.includes(c) && c !== 'source_file' && c !== 'source_format' && c !== 'extra')];
  const index = new Map(cols.map((c, i) => [`column:${c}`, i]));
  const getters: (Getter | undefined)[] = [];
  for (const r of rules) for (const f of r.fields) getters[f.slot] = fieldGetter(f, index);
  const view = new RowView(mapping.slotCount, getters, extraDecoder(store.db).text);
  const out = new Map<string, number[]>(rules.map((r) => [r.id, []]));
  const stmt = store.db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM event_row ORDER BY time, id`);
  while (stmt.step()) {
    const row = stmt.get() as Row;
    view.next(row);
    for (const r of rules) {
      if (!r.categories.includes(row[5] as never)) continue;
      if (r.actions && !r.actions.has(row[4] as string)) continue;
      if (r.match(view)) out.get(r.id)!.push(row[0] as number);
    }
  }
  stmt.free();
  return out;
}

describe('SQL filter and JavaScript rules agree', () => {
  let fx: FixtureCase;
  beforeAll(async () => {
    fx = await fixtureCase();
    // Awkward values: mixed case, non-ASCII letters with case, JSON numbers and booleans in
    // extra, empty strings, query strings and fragments, IPv6, regex-looking text.
    // Their own evidence file: extra is stored with a dictionary per file (store/extra/).
    fx.store.db.run(
      `INSERT INTO evidence (path, name, size, mtime, format, encoding, timezone, base_year, status, added_at)
       SELECT path, name || ' (awkward)', size, mtime, format, encoding, timezone, base_year, status, added_at FROM evidence WHERE id = 1`,
    );
    const awkward = Number(fx.store.scalar('SELECT last_insert_rowid()'));
    const ins = fx.store.db.prepare(
      `INSERT INTO event_row (evidence_id, time, time_raw, time_zone, host, category, action, process_path, process_name, process_command_line,
        parent_process_name, dst_ip, dst_port, src_ip, url, domain, http_status, registry_path, message, extra_shape, extra_values, source_line, source_offset, source_length)
       VALUES (${awkward}, ?, 'x', 'UTC', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 1)`,
    );
    const rows: unknown[][] = [
      ['AWK-1', 'process', 'process_start', 'C:\\ÉCOLE\\POWERSHELL.EXE', 'POWERSHELL.EXE', 'POWERSHELL -NOP -W HIDDEN -ENC SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=', 'WINWORD.EXE', null, null, null, null, null, null, null, null, '{"ParentImage":"","OriginalFileName":"PowerShell.EXE","Initiated":true}'],
      ['AWK-2', 'process', 'child_process_start', 'c:\\users\\public\\RUNDLL32.exe', 'RUNDLL32.exe', 'rundll32 %TEMP%\\x.dll,Run', 'excel.exe', null, null, null, null, null, null, null, null, '{"process_path":"C:\\\\Program Files\\\\Office\\\\EXCEL.EXE"}'],
      ['AWK-3', 'network', 'connection', 'C:\\x\\app.exe', 'app.exe', '', null, 'fd00::25', 25, '10.0.0.9', null, null, null, null, null, '{"Initiated":"true","Protocol":6}'],
      ['AWK-4', 'network', 'connection', 'C:\\x\\app.exe', 'app.exe', null, null, '203.0.113.9', '8080', '10.0.0.9', null, null, null, null, null, '{"Initiated":false}'],
      ['AWK-5', 'web', 'GET', null, null, null, null, '198.51.100.1', 8443, '10.0.0.9', 'HTTP://198.51.100.1:8443/A.EXE?x=1#frag', null, 200, null, null, '{"mime_type":"application/x-msdownload; charset=binary"}'],
      ['AWK-6', 'web', 'GET', null, null, null, null, null, null, '10.0.0.9', 'http://example.com/dl/file.DLL#x', 'example.com', '200', null, null, '{"contenttype":"text/html"}'],
      ['AWK-7', 'registry', 'RegistryValueSet', 'C:\\W\\rundll32.exe', 'rundll32.exe', null, null, null, null, null, null, null, null, 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', null, '{"RegistryValueName":"upd","RegistryValueData":"C:\\\\ProgramData\\\\u.exe"}'],
      ['AWK-8', 'firewall', 'accept', null, null, null, null, '203.0.113.70', 7080, '192.168.1.5', null, null, null, null, 'allowed', '{}'],
      ['AWK-9', 'firewall', 'accept', null, null, null, null, '203.0.113.71', 7080, '192.168.001.5', null, null, null, null, null, null],
    ];
    let t = Date.parse('2026-12-01T00:00:00Z');
    for (const r of rows) ins.run([new Date((t += 1000)).toISOString(), ...r.slice(0, -1), ...storedExtra(fx.store.db, awkward, r[r.length - 1] as string | null)] as never);
    ins.free();
  });
  afterAll(() => fx?.dispose());

  // With its default, the run tests categories with many rules (process creation) in
  // JavaScript alone, without their SQL filter: the filter of every rule is checked here by
  // forcing it on for every category.
  it.each([
    ['with every category filtered in SQL', Number.POSITIVE_INFINITY],
    ['as detection runs them', undefined],
  ])('for every curated and SigmaHQ rule, %s', (_, jsCategoryMinRules) => {
    const set = loadRuleSet([samplePath('sigma')]);
    expect(set.problems).toEqual([]);
    const reference = jsOnly(fx.store, set.rules);
    const findings = runCompiledRules(fx.store, set.rules, sigmaWindowsMapping(), { jsCategoryMinRules });
    let matched = 0;
    for (const r of set.rules) {
      const viaSql = findings.filter((f) => f.rule === r.id).flatMap((f) => f.event_ids).sort((a, b) => a - b);
      const want = [...reference.get(r.id)!].sort((a, b) => a - b);
      expect(viaSql, r.title).toEqual(want);
      matched += want.length;
    }
    expect(matched).toBeGreaterThan(40);
  });
});
