// `npm start`: the desktop app when Electron is installed, otherwise the same workbench served to
// the browser. Electron is an optional dependency whose binary download is often blocked (on the
// build machine, on investigators' networks); a blocked download must not mean no workbench.
// Arguments after `npm start --` (e.g. --port 8080) are passed on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);

/** Path of the Electron executable, or null when the package or its binary is missing. */
function electronBinary() {
  try {
    // The package exports the binary's path, and throws when its download never happened.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function requireBuilt(file) {
  if (existsSync(path.join(root, file))) return;
  process.stderr.write(`Tracelight: ${file} is missing; run \`npm run build\` first.\n`);
  process.exit(2);
}

/**
 * Runs the child with our terminal and exits with its status. On POSIX it gets its own process
 * group, so Ctrl+C reaches only us and we forward it exactly once; otherwise the child would get
 * SIGINT twice (from the terminal and from us) and the second would cut its clean shutdown short.
 */
function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: process.platform !== 'win32',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (err) => {
    process.stderr.write(`Tracelight: could not start ${command}: ${err.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

const electron = electronBinary();
if (electron) {
  requireBuilt('dist/electron/main.cjs');
  // Start the project folder, not main.cjs itself: Electron then reads package.json, whose
  // "main" is dist/electron/main.cjs, and the app gets its real name, version and data folder.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  run(electron, ['.', ...args], env);
} else {
  requireBuilt('dist/cli/tracelight.mjs');
  process.stderr.write(
    'Tracelight: the Electron desktop runtime is not installed on this machine (its download was blocked); ' +
      'serving the same workbench in your browser instead.\n',
  );
  // serve prints its URL, with the access token, as its first stdout line.
  run(process.execPath, [path.join(root, 'dist/cli/tracelight.mjs'), 'serve', ...args]);
}
