#!/usr/bin/env node
// Entry point for `npx tracelight`: the CLI is built to dist/ when npm installs the project.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/cli/tracelight.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('tracelight: not built yet; run `npm install` (or `npm run build`) in the project first\n');
  process.exit(2);
}
await import(cli.href);
