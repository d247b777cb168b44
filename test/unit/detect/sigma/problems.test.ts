// What the engine cannot run is reported with the file and rule named, and not run; nothing is
// skipped without a word. Bad YAML, unreadable paths and duplicate ids likewise.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../../../electron/engine/detect/sigma/load';
import { sigmaWindowsMapping } from '../../../../electron/engine/detect/sigma/mapping';
import { engineCase, processRule, type EngineCase } from './engine-case';

describe('rule problems', () => {
  let c: EngineCase;
  beforeAll(async () => {
    c = await engineCase();
  });
  afterAll(() => c?.dispose());

  const refused: [string, string, RegExp][] = [
    ['aggregation', processRule(`  sel:\n    Image|endswith: '\\x.exe'\n  condition: sel | count() by Computer > 5`), /aggregations .* not supported/],
    ['near', processRule(`  a:\n    Image: x\n  b:\n    Image: y\n  condition: a near b`), /'near' is not supported/],
    ['unknown modifier', processRule(`  sel:\n    Image|sounds_like: x\n  condition: sel`), /unknown modifier 'sounds_like'/],
    ['fieldref', processRule(`  sel:\n    Image|fieldref: ParentImage\n  condition: sel`), /'fieldref' .* not supported/],
    ['unmapped field', processRule(`  sel:\n    SomethingElse: x\n  condition: sel`), /field 'SomethingElse' has no mapping/],
    ['unknown selection', processRule(`  sel:\n    Image: x\n  condition: sel and other`), /'other', which is not a selection/],
    ['bad regex', processRule(`  sel:\n    CommandLine|re: '(unclosed'\n  condition: sel`), /not a regular expression/],
    ['timeframe', processRule(`  sel:\n    Image: x\n  timeframe: 5m\n  condition: sel`), /timeframe/],
    ['pattern naming nothing', processRule(`  sel:\n    Image: x\n  condition: 1 of filter_*`), /matches no selection/],
    [
      'unmapped logsource',
      `title: T\nid: 00000000-0000-4000-8000-0000000000b1\nlogsource:\n  category: ps_script\ndetection:\n  sel:\n    ScriptBlockText: x\n  condition: sel\n`,
      /logsource category 'ps_script' has no mapping/,
    ],
    ['correlation', `title: Many\nid: 00000000-0000-4000-8000-0000000000b2\ncorrelation:\n  type: event_count\n  rules: [a]\n`, /correlation rules are not supported/],
    ['bad level', processRule(`  sel:\n    Image: x\n  condition: sel`).replace('level: high', 'level: severe'), /level 'severe'/],
  ];

  for (const [what, yaml, message] of refused) {
    it(`reports ${what} with the file and the rule, and does not run it`, () => {
      const loaded = c.rules(yaml, `${what.replace(/\W/g, '_')}.yml`);
      expect(loaded.rules).toEqual([]);
      expect(loaded.problems).toHaveLength(1);
      const p = loaded.problems[0]!;
      expect(p.file).toBe(path.join(c.dir, `${what.replace(/\W/g, '_')}.yml`));
      expect(p.message).toMatch(message);
      expect(p.rule).toMatch(/^(Test rule|T|Many) \(00000000-0000-4000-8000-/);
    });
  }

  it('reports invalid YAML naming the file and the line; other documents of the file still load', () => {
    const good = processRule(`  sel:\n    Image: x\n  condition: sel`);
    const loaded = c.rules(`${good}\n---\ntitle: broken\ndetection: [unclosed\n---\n${good.replace('000000000001', '000000000002')}`, 'multi.yml');
    expect(loaded.rules.map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]!.file).toMatch(/multi\.yml$/);
    expect(loaded.problems[0]!.message).toMatch(/^invalid YAML at line \d+/);
  });

  it('reports a missing path, a binary file and a document that is not a rule', () => {
    const dir = path.join(c.dir, 'more');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'binary.yml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    writeFileSync(path.join(dir, 'list.yaml'), '- a\n- b\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a rule file: ignored by extension');
    const loaded = loadRules([dir, path.join(c.dir, 'nope.yml')], sigmaWindowsMapping());
    expect(loaded.problems.map((p) => [path.basename(p.file), p.message.split(' (')[0]])).toEqual([
      ['binary.yml', 'not a YAML text file'],
      ['list.yaml', 'document 1 is not a rule'],
      ['nope.yml', 'cannot read'],
    ]);
  });

  it('runs the first of two rules with one id and reports the second', () => {
    const yaml = processRule(`  sel:\n    Image: x\n  condition: sel`);
    const dir = path.join(c.dir, 'dups');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.yml'), yaml);
    writeFileSync(path.join(dir, 'b.yml'), yaml);
    const loaded = loadRules([dir], sigmaWindowsMapping());
    expect(loaded.rules.map((r) => path.basename(r.file))).toEqual(['a.yml']);
    expect(loaded.problems).toEqual([{ file: path.join(dir, 'b.yml'), rule: 'Test rule (00000000-0000-4000-8000-000000000001)', message: expect.stringMatching(/id is already used by a rule in .*a\.yml/), message_code: { code: 'rules.duplicateId', params: { file: path.join(dir, 'a.yml') } } }]);
  });
});
