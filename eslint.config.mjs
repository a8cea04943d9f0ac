// ESLint (flat config): the layer rules of ARCHITECTURE.md, checked on the import graph
// itself rather than by regexes over the text. `npm run lint` runs it; CI runs it.
//
// - no import cycles anywhere in the server, type-only imports included;
// - layers point one way: core <- model <- ir <- dialects/evaluate <- analysis <- workspace <- services <- lsp/cli;
// - the pure core imports no LSP library and no vscode; only core/parse/ imports `yaml`;
// - only dialects/registry.ts (and files of the same folder) import a dialect folder
//   dialects/<name>/, so dialect folders do not import each other either;
// - no exports nobody imports.
import fs from 'node:fs';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { noImportCycle } from './lint/no-import-cycle.mjs';
import { noUnusedExport } from './lint/no-unused-export.mjs';

const layers = { rules: { 'no-import-cycle': noImportCycle, 'no-unused-export': noUnusedExport } };

const SERVER = 'server/src';
const LSP_LIBRARIES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

/** `target` may not import from `from`: each zone is one arrow that must not point upward. */
function zone(target, from) {
  return { target: `./${SERVER}/${target}`, from: from.map((f) => `./${SERVER}/${f}`) };
}

/** The layer arrows: each zone is one arrow that must not point upward. */
const LAYER_ZONES = [
  zone('core', ['model', 'ir', 'dialects', 'evaluate', 'analysis', 'workspace', 'services', 'lsp', 'cli']),
  zone('model', ['ir', 'dialects', 'evaluate', 'analysis', 'workspace', 'services', 'lsp', 'cli']),
  zone('ir', ['dialects', 'evaluate', 'analysis', 'workspace', 'services', 'lsp', 'cli']),
  zone('evaluate', ['services', 'lsp', 'cli', 'workspace']),
  zone('analysis', ['services', 'lsp', 'cli']),
  zone('dialects', ['services', 'lsp', 'cli', 'workspace']),
  zone('workspace', ['services', 'lsp', 'cli']),
  zone('services', ['lsp', 'cli']),
];

/** Every folder under dialects/ is a dialect; a new one is covered as soon as it exists. */
const DIALECT_NAMES = fs.readdirSync(`${SERVER}/dialects`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/**
 * Nothing but the registry and the dialect's own files imports dialects/<name>/: generic
 * code reaches a dialect through the Dialect interface (dialects/dialect.ts) and the
 * registry's list, and one dialect's folder does not import another's.
 */
function dialectZone(name, except = []) {
  return {
    target: [`./${SERVER}/!(dialects)/**`, `./${SERVER}/*.ts`, `./${SERVER}/dialects/!(${name}|registry.ts)`, `./${SERVER}/dialects/!(${name})/**`],
    from: `./${SERVER}/dialects/${name}`,
    except,
    message: 'Only dialects/registry.ts imports a dialect folder; use the Dialect hooks through DIALECTS.',
  };
}

const DIALECT_ZONES = DIALECT_NAMES.map((name) => dialectZone(name));

/**
 * The one import between dialect folders: Calico evaluates Kubernetes NetworkPolicies in
 * its own order (as knp.default.<name> at order 1000), so its ordering lints read them
 * (their reading, policyTypes as the API server defaults them, and what the release
 * stores) from the Kubernetes dialect. Reachability does not need this: both dialects
 * lower into the policy IR and the evaluator orders them.
 */
const CROSS_DIALECT_FILES = ['ordering/kubernetes-shapes.ts', 'workspace-order.ts'].map((f) => `${SERVER}/dialects/calico/${f}`);
const CROSS_DIALECT_ZONES = DIALECT_NAMES.map((name) => (name === 'kubernetes' ? dialectZone(name, ['./policy-defaults.ts', './reading.ts', './stored-policy.ts']) : dialectZone(name)));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'client/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**'] },
  {
    files: [`${SERVER}/**/*.ts`],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { 'import-x': importX, layers },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      // import-x/no-cycle skips type-only imports; this one counts them (lint/no-import-cycle.mjs).
      'layers/no-import-cycle': 'error',
      'layers/no-unused-export': ['error', { roots: ['server/src', 'client', 'test', 'bench', 'scripts'] }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...LAYER_ZONES, ...DIALECT_ZONES] }],
      'no-restricted-imports': ['error', { patterns: [{ group: LSP_LIBRARIES, message: 'The pure core imports no LSP library and no vscode.' }, { group: ['yaml'], message: 'Only core/parse/ imports the yaml package.' }] }],
    },
  },
  {
    files: CROSS_DIALECT_FILES,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...LAYER_ZONES, ...CROSS_DIALECT_ZONES] }] },
  },
  {
    // services/ adapts the core to LSP types (types only); lsp/ and server.ts wire the server.
    files: [`${SERVER}/services/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'Only the client imports vscode.' }, { group: ['yaml'], message: 'Only core/parse/ imports the yaml package.' }] }] },
  },
  {
    files: [`${SERVER}/lsp/**/*.ts`, `${SERVER}/server.ts`, `${SERVER}/cli/**/*.ts`, `${SERVER}/cli.ts`, `${SERVER}/protocol.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'Only the client imports vscode.' }, { group: ['yaml'], message: 'Only core/parse/ imports the yaml package.' }] }] },
  },
  {
    files: [`${SERVER}/core/parse/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: LSP_LIBRARIES, message: 'The pure core imports no LSP library and no vscode.' }] }] },
  },
);
