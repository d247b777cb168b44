// Lint, and above all the process boundary. Each folder runs in one place (renderer: a sandboxed
// web page; engine and cli: plain Node; main/preload: Electron) and may import only what exists
// there. Two rules enforce it, from one table (LAYERS):
//   - no-restricted-imports bans packages by name ('electron', Node built-ins) per folder;
//   - tracelight/layers resolves relative imports to the folder they land in, because a string
//     pattern cannot tell '../main' inside electron/cli (the CLI's own main.ts) from main's code.
// typescript-eslint's non-type-checked preset keeps `npx eslint .` fast.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * Where each kind of code lives, what it may import, and whether Electron or Node exists there.
 * `typesOnly` lists layers reachable with `import type` only (main may read the preload's types).
 */
const LAYERS = {
  common: { dir: 'electron/common', may: ['common'], electron: false, node: false, packages: false },
  renderer: { dir: 'renderer', may: ['renderer', 'common'], electron: false, node: false },
  engine: { dir: 'electron/engine', may: ['engine', 'common'], electron: false, node: true },
  cli: { dir: 'electron/cli', may: ['cli', 'engine', 'common'], electron: false, node: true },
  // Sandboxed preloads cannot require Node built-ins (only Electron's renderer modules).
  preload: { dir: 'electron/preload', may: ['preload', 'common'], electron: true, node: false },
  main: { dir: 'electron/main', may: ['main', 'common'], typesOnly: ['preload'], electron: true, node: true },
};

/**
 * Inside the engine, folders are layered too: a folder may import its own files, folders of a
 * lower rank, and the engine's root files (errors, version: rank 0, importing no folder).
 * Folders of the same rank are siblings and may not import each other. A new folder gets a
 * rank here before it can import or be imported.
 */
const ENGINE_RANKS = {
  time: 1,
  zip: 1,
  formats: 2,
  store: 3,
  ingest: 4,
  custody: 5,
  detect: 6,
  export: 7,
  // Features that write reports through export's writers and add report sections to it
  // (export/pdf/feature-sections.ts) sit above it.
  assist: 8,
  incident: 8,
  investigate: 8,
  review: 9,
  rpc: 10,
  host: 11,
};
const ENGINE_ORDER = 'time, zip < formats < store < ingest < custody < detect < export < assist, incident, investigate < review < rpc < host';

/** The engine folder a repo-relative path lies in ('' for the engine's root files), or null. */
function engineFolderOf(repoRelativePath) {
  const p = repoRelativePath.split(path.sep).join('/');
  const prefix = `${LAYERS.engine.dir}/`;
  if (!p.startsWith(prefix)) return null;
  const rest = p.slice(prefix.length).split('/');
  return rest.length > 1 ? rest[0] : '';
}

/** Does engine code in folder `from` break the engine's inner layers by importing `to`? */
function engineLayerViolation(from, to) {
  if (from === to) return null;
  const rank = (f) => (f === '' ? 0 : ENGINE_RANKS[f]);
  if (rank(from) === undefined) return `engine/${from}/ has no rank in the engine's layer table (eslint.config.js ENGINE_RANKS).`;
  if (rank(to) === undefined) return `engine/${to}/ has no rank in the engine's layer table (eslint.config.js ENGINE_RANKS).`;
  const name = (f) => (f === '' ? "the engine's root files" : `engine/${f}/`);
  if (rank(to) > rank(from)) return `${name(from)} may not import ${name(to)}: lower never imports higher (${ENGINE_ORDER}).`;
  if (rank(to) === rank(from)) return `${name(from)} may not import its sibling ${name(to)} (${ENGINE_ORDER}).`;
  return null;
}

function layerOf(repoRelativePath) {
  const p = repoRelativePath.split(path.sep).join('/');
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (p === layer.dir || p.startsWith(`${layer.dir}/`)) return name;
  }
  return null;
}

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

function restrictedImportsFor(name) {
  const layer = LAYERS[name];
  const paths = [];
  const patterns = [];
  if (!layer.electron) {
    paths.push({ name: 'electron', message: `${name} code never imports Electron (see ARCHITECTURE.md).` });
    patterns.push({ regex: '^electron/', message: `${name} code never imports Electron.` });
  }
  if (!layer.node) {
    const message = `${name} code runs where Node does not exist; no Node built-ins.`;
    for (const m of nodeBuiltins) paths.push({ name: m, message });
    patterns.push({ regex: '^node:', message });
  }
  if (layer.packages === false) {
    patterns.push({ regex: '^[^./]', message: `${name} imports nothing outside its own folder.` });
  }
  return ['error', { paths, patterns }];
}

/** Does `importer` (a layer name) break the boundary by importing the file at `target`? */
function layerViolation(importer, targetRepoPath, typeOnly) {
  const layer = LAYERS[importer];
  const target = layerOf(targetRepoPath);
  if (target === null) {
    return layer.packages === false ? `${importer} imports nothing outside ${layer.dir}/.` : null;
  }
  if (layer.may.includes(target)) return null;
  if (layer.typesOnly?.includes(target)) {
    return typeOnly ? null : `${importer} may import only types from ${target} (use \`import type\`).`;
  }
  return `${importer} (${layer.dir}/) may not import ${target} (${LAYERS[target].dir}/).`;
}

function isBare(spec) {
  return !spec.startsWith('.') && !path.isAbsolute(spec);
}

/** The same bans for what no-restricted-imports cannot see: import() and require(). */
function bareViolation(importer, spec) {
  const layer = LAYERS[importer];
  if (!layer.electron && (spec === 'electron' || spec.startsWith('electron/'))) return `${importer} code never imports Electron.`;
  if (!layer.node && (spec.startsWith('node:') || nodeBuiltins.includes(spec))) return `${importer} code runs where Node does not exist.`;
  if (layer.packages === false) return `${importer} imports nothing outside ${layer.dir}/.`;
  return null;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: "Enforce the renderer/common/engine/cli/preload/main import boundary, and the engine's inner layers." },
    schema: [],
  },
  create(context) {
    const file = path.relative(repoRoot, context.filename);
    const importer = layerOf(file);
    if (importer === null) return {};

    const check = (node, spec, typeOnly, dynamic) => {
      if (typeof spec !== 'string') return;
      let message;
      if (isBare(spec)) {
        message = dynamic ? bareViolation(importer, spec) : null;
      } else {
        const target = path.relative(repoRoot, path.resolve(path.dirname(context.filename), spec));
        message = layerViolation(importer, target, typeOnly);
        const from = engineFolderOf(file);
        const to = engineFolderOf(target);
        if (!message && from !== null && to !== null) message = engineLayerViolation(from, to);
      }
      if (message) context.report({ node, message: `${message} ('${spec}')` });
    };
    const allTypes = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, allTypes(node), false),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value, allTypes(node), false),
      ExportAllDeclaration: (node) => check(node.source, node.source.value, node.exportKind === 'type', false),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value, false, true),
      TSImportType: (node) => {
        const arg = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        if (arg?.type === 'Literal') check(arg, arg.value, true, true);
      },
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') {
          check(arg, arg.value, false, true);
        }
      },
    };
  },
};

/** Everything in the DOM that turns a string into markup: the classic XSS sinks. */
const rendererHtmlSinks = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: evidence is hostile text. Render it as text.',
  },
  {
    selector: "Property[key.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: evidence is hostile text. Render it as text.',
  },
  {
    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
    message: 'No innerHTML/outerHTML: evidence is hostile text. Use textContent or React.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No insertAdjacentHTML: evidence is hostile text.',
  },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
    message: 'No document.write: evidence is hostile text.',
  },
];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '.bench/', '.scratch/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Scripts and configs run in Node; take its globals from the Node running ESLint rather
      // than from a package we do not otherwise need.
      globals: Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((g) => [g, 'readonly'])),
    },
    plugins: { tracelight: { rules: { layers: layersRule } } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...Object.entries(LAYERS).map(([name, layer]) => ({
    files: [`${layer.dir}/**/*.{ts,tsx,js,mjs,cjs}`],
    rules: {
      'no-restricted-imports': restrictedImportsFor(name),
      'tracelight/layers': 'error',
    },
  })),
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    rules: { 'no-restricted-syntax': ['error', ...rendererHtmlSinks] },
  },
);
