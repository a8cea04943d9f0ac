// Paths and time limits shared by the real-VS-Code test runner, in one place.
//
// Everything is derived from this file's location, so the project can live anywhere.
// VSCODE_TEST_EXTENSION_ROOT / VSCODE_TEST_VSIX exist only to test the harness itself
// against a throwaway extension; normal runs use the project root and dist/netpol-lens.vsix.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const extensionRoot = resolve(process.env.VSCODE_TEST_EXTENSION_ROOT || root);
const cache = join(root, '.vscode-test');

export const paths = {
  root,
  extensionRoot,
  workspace: join(extensionRoot, 'examples'),
  vsix: resolve(process.env.VSCODE_TEST_VSIX || join(root, 'dist', 'netpol-lens.vsix')),
  suiteIndex: join(root, 'test', 'vscode', 'suite', 'index.js'),
  results: join(root, 'test-results', 'vscode'),
  node24: join(cache, 'node24', 'bin', 'node'),
  codeServerEntry: join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};

export const EXTENSION_ID = 'netpol-lens.netpol-lens';

/** Hard limits in milliseconds; each part also has the overall limit of run.sh. */
export const limits = {
  workbench: 60_000, // page load until .monaco-workbench is visible
  hostTests: 180_000, // extension-host mocha run until its results file appears
  problems: 45_000, // user test: until the status bar shows an error count
};
