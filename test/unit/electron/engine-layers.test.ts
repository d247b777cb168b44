// The engine's inner layers (eslint.config.js ENGINE_RANKS): time, zip < formats < store <
// ingest < custody < detect < export < assist, incident, investigate < review < rpc < host.
// ESLint runs on real temporary files placed in the engine's folders, as `npx eslint .` would
// meet them, and must fail an upward or sibling import and pass a downward one.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot });
const written: string[] = [];

afterAll(() => {
  for (const f of written) rmSync(f, { force: true });
});

async function layerErrors(folder: string, code: string): Promise<string[]> {
  const file = path.join(repoRoot, 'electron/engine', folder, `layer-probe-${process.pid}-${written.length}.ts`);
  writeFileSync(file, code);
  written.push(file);
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.filter((m) => m.ruleId === 'tracelight/layers').map((m) => m.message);
}

describe("the engine's inner layers", () => {
  it.each([
    ['store', "import type { CaseSession } from '../custody/session';\nexport type S = CaseSession;\n", /engine\/store\/ may not import engine\/custody\/: lower never imports higher/],
    ['custody', "import { runDetection } from '../detect/index';\nexport default runDetection;\n", /engine\/custody\/ may not import engine\/detect\//],
    ['zip', "import { ingestFile } from '../ingest/file-ingest';\nexport default ingestFile;\n", /engine\/zip\/ may not import engine\/ingest\//],
    ['formats', "import { CaseStore } from '../store/case-store';\nexport default CaseStore;\n", /engine\/formats\/ may not import engine\/store\//],
    ['export', "import '../review/open-review';\n", /engine\/export\/ may not import engine\/review\//],
    ['export', "import '../incident/x';\n", /engine\/export\/ may not import engine\/incident\/: lower never imports higher/],
    ['incident', "import '../assist/x';\n", /may not import its sibling engine\/assist\//],
    ['rpc', "import '../host/argv';\n", /engine\/rpc\/ may not import engine\/host\//],
  ])('fails an upward or sibling import from %s/', async (folder, code, message) => {
    const errors = await layerErrors(folder, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('fails a folder without a rank, and the root files importing a folder', async () => {
    expect((await layerErrors('store', "import '../newfolder/x';\n"))[0]).toMatch(/engine\/newfolder\/ has no rank/);
    expect((await layerErrors('', "import '../engine/store/case-store';\n"))[0]).toMatch(/the engine's root files may not import engine\/store\//);
  });

  it('passes downward imports and the root files', async () => {
    expect(
      await layerErrors(
        'custody',
        "import { CaseStore } from '../store/case-store';\nimport { UnreadableInputError } from '../errors';\nimport { ingestFile } from '../ingest/file-ingest';\nexport default [CaseStore, UnreadableInputError, ingestFile];\n",
      ),
    ).toEqual([]);
    expect(await layerErrors('rpc', "import { runDetection } from '../detect/index';\nexport default runDetection;\n")).toEqual([]);
  });
});
