// The window's options are written literally in electron/main/window.ts so that a reviewer and
// electronegativity read them there. This test reads the same text (TypeScript's parser, no
// Electron needed) and checks every security-relevant value, so the literal cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const file = path.join(repoRoot, 'electron/main/window.ts');

/** The properties of `new BrowserWindow({...})`'s webPreferences, as source text. */
function webPreferences(): Record<string, string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let found: Record<string, string> | null = null;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'BrowserWindow') {
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const p of options.properties) {
          if (ts.isPropertyAssignment(p) && p.name.getText(source) === 'webPreferences' && ts.isObjectLiteralExpression(p.initializer)) {
            found = {};
            for (const q of p.initializer.properties) {
              if (ts.isPropertyAssignment(q)) found[q.name.getText(source)] = q.initializer.getText(source);
              else if (ts.isShorthandPropertyAssignment(q)) found[q.name.getText(source)] = q.name.getText(source);
              else found[`(${ts.SyntaxKind[q.kind]})`] = q.getText(source);
            }
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!found) throw new Error('window.ts has no literal webPreferences in new BrowserWindow({...})');
  return found;
}

describe('the window options in window.ts', () => {
  it('isolates, sandboxes and strips Node from the renderer, as literals', () => {
    expect(webPreferences()).toEqual({
      preload: 'preloadPath',
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      webviewTag: 'false',
      spellcheck: 'false',
      navigateOnDragDrop: 'false',
      safeDialogs: 'true',
      disableBlinkFeatures: "'Auxclick'",
    });
  });
});
