// The process boundary is a lint rule (eslint.config.js); these cases prove it bites where it
// should and stays quiet where imports are legitimate.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot });

const BOUNDARY_RULES = new Set(['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'tracelight/layers']);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return result.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

async function ruleErrors(filePath: string, code: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, filePath) });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('process boundary', () => {
  it.each([
    ['renderer/src/x.ts', "import fs from 'node:fs'; export default fs;"],
    ['renderer/src/x.ts', "import path from 'path'; export default path;"],
    ['renderer/src/x.ts', "import { spawn } from 'child_process'; export default spawn;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export default ipcRenderer;"],
    ['renderer/src/features/a/x.ts', "import { createEngineService } from '../../../../electron/engine/rpc/service'; export default createEngineService;"],
    ['renderer/src/x.ts', "import '../../electron/preload/preload';"],
    ['electron/engine/x.ts', "import { app } from 'electron'; export default app;"],
    ['electron/engine/x.ts', "import { app } from 'electron/main'; export default app;"],
    ['electron/engine/x.ts', "export const electron = await import('electron');"],
    ['electron/engine/x.ts', "import '../../renderer/src/x';"],
    ['electron/engine/store/x.ts', "import '../../main/main';"],
    ['electron/engine/x.ts', "import '../cli/main';"],
    ['electron/common/x.ts', "import type { Database } from 'sql.js'; export type D = Database;"],
    ['electron/common/x.ts', "import type { EngineService } from '../engine/rpc/service'; export type S = EngineService;"],
    ['electron/cli/x.ts', "import { app } from 'electron'; export default app;"],
    ['electron/cli/x.ts', "import '../../renderer/src/x';"],
    ['electron/cli/x.ts', "import '../preload/preload';"],
    ['electron/preload/x.ts', "import '../engine/rpc/service';"],
    ['electron/preload/x.ts', "import '../main/main';"],
    ['electron/preload/x.ts', "import fs from 'node:fs'; export default fs;"],
    ['electron/main/x.ts', "import '../engine/rpc/service';"],
    ['electron/main/x.ts', "import '../../renderer/src/x';"],
    ['electron/main/x.ts', "import { bridge } from '../preload/preload'; export default bridge;"],
  ])('rejects in %s: %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', "import type { EventRow } from '../../electron/common/schema'; export type R = EventRow;"],
    ['renderer/src/x.ts', "import { ENGINE_PORT_MESSAGE } from '../../electron/common/protocol'; export default ENGINE_PORT_MESSAGE;"],
    ['renderer/src/features/a/x.ts', "import { y } from '../../client/connect'; export default y;"],
    ['electron/engine/x.ts', "import fs from 'node:fs'; import type { Envelope } from '../common/protocol'; export type E = Envelope; export default fs;"],
    ['electron/cli/commands/x.ts', "import { main } from '../main'; import { createEngineService } from '../../engine/rpc/service'; export default [main, createEngineService];"],
    ['electron/main/x.ts', "import { app } from 'electron'; import { IPC } from '../common/protocol'; export default [app, IPC];"],
    ['electron/main/x.ts', "import type { Bridge } from '../preload/preload'; export type B = Bridge;"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron'; import { IPC } from '../common/protocol'; export default [contextBridge, IPC];"],
    ['scripts/x.mjs', "import { spawn } from 'node:child_process'; export default spawn;"],
  ])('accepts in %s: %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});

describe('dangerous code', () => {
  it('bans dangerouslySetInnerHTML and innerHTML in the renderer', async () => {
    const jsx = "export const A = (p: { html: string }) => <div dangerouslySetInnerHTML={{ __html: p.html }} />;\n";
    expect(await ruleErrors('renderer/src/x.tsx', jsx, 'no-restricted-syntax')).toHaveLength(1);
    const dom = 'export function f(el: { innerHTML: string }, s: string): void {\n  el.innerHTML = s;\n}\n';
    expect(await ruleErrors('renderer/src/x.ts', dom, 'no-restricted-syntax')).toHaveLength(1);
  });

  it.each(['electron/engine/x.ts', 'renderer/src/x.ts', 'electron/main/x.ts', 'scripts/x.mjs'])(
    'bans eval and new Function in %s',
    async (filePath) => {
      const code = "export const a = eval('1');\nexport const b = new Function('return 1');\n";
      expect(await ruleErrors(filePath, code, 'no-eval')).toHaveLength(1);
      expect(await ruleErrors(filePath, code, 'no-new-func')).toHaveLength(1);
    },
  );
});
