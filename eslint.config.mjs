// ESLint (flat config): the layer rules of ARCHITECTURE.md, checked on the import graph
// itself rather than by regexes over the text. `npm run lint` runs it; CI runs it.
//
// - no import cycles anywhere in the server, type-only imports included;
// - layers point one way: core <- model <- ir <- dialects/evaluate <- analysis <- workspace <- services <- lsp/cli;
// - the pure core imports no LSP library and no vscode; only core/parse/ imports `yaml`;
// - no exports nobody imports.
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
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('core', ['model', 'ir', 'dialects', 'evaluate', 'analysis', 'workspace', 'services', 'lsp', 'cli']),
            zone('model', ['ir', 'dialects', 'evaluate', 'analysis', 'workspace', 'services', 'lsp', 'cli']),
            zone('ir', ['dialects', 'evaluate', 'analysis', 'workspace', 'services', 'lsp', 'cli']),
            zone('evaluate', ['services', 'lsp', 'cli', 'workspace']),
            zone('analysis', ['services', 'lsp', 'cli']),
            zone('dialects', ['services', 'lsp', 'cli', 'workspace']),
            zone('workspace', ['services', 'lsp', 'cli']),
            zone('services', ['lsp', 'cli']),
          ],
        },
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: LSP_LIBRARIES, message: 'The pure core imports no LSP library and no vscode.' }, { group: ['yaml'], message: 'Only core/parse/ imports the yaml package.' }] }],
    },
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
