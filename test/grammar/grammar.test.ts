/**
 * The Calico selector injection grammar (syntaxes/), tested with vscode-tmgrammar-test
 * as `npm run test:grammar` does, so `npm test` runs it too:
 *
 * - snapshots: test/grammar/cases/<case>.yaml beside <case>.yaml.snap, the scopes of
 *   every token (UPDATE_SNAPSHOTS=1 rewrites them; a missing .snap fails here, since
 *   the tool itself would silently create it and pass);
 * - assertions: test/grammar/assertions/*.yaml, scopes stated token by token;
 * - the same assertions against VS Code's own YAML grammar, when the real-VS-Code
 *   test setup (.vscode-test/code-server) has it on this machine.
 *
 * Both runs inject into a stub YAML grammar (test/grammar/stub) that names scopes as
 * VS Code's does, so they need nothing outside the project.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';
import { UPDATING } from '../support/snapshot';

const HERE = path.join(PROJECT_ROOT, 'test', 'grammar');
const CONFIG = path.join(HERE, 'grammar-config.json');
const TOOL = path.join(PROJECT_ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist');
const VSCODE_YAML = path.join(PROJECT_ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml');

function run(tool: 'snapshot' | 'unit', args: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [path.join(TOOL, `${tool}.js`), ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('every snapshot case has its expected .snap file', () => {
  const cases = fs.readdirSync(path.join(HERE, 'cases')).filter((f) => f.endsWith('.yaml'));
  assert.ok(cases.length > 0, 'no grammar cases');
  if (UPDATING) return;
  const missing = cases.filter((f) => !fs.existsSync(path.join(HERE, 'cases', `${f}.snap`)));
  assert.deepEqual(missing, [], 'run with UPDATE_SNAPSHOTS=1 to create them, then review them');
});

test('snapshots: the injection scopes selector values and nothing else', () => {
  const result = run('snapshot', ['--config', CONFIG, ...(UPDATING ? ['--updateSnapshot'] : []), 'test/grammar/cases/*.yaml']);
  assert.equal(result.status, 0, result.output);
});

test('assertions, injected into the stub YAML grammar', () => {
  const result = run('unit', ['--config', CONFIG, 'test/grammar/assertions/*.yaml']);
  assert.equal(result.status, 0, result.output);
});

test("assertions, injected into VS Code's own YAML grammar", (t) => {
  const packageJson = path.join(VSCODE_YAML, 'package.json');
  if (!fs.existsSync(packageJson)) {
    t.skip('VS Code\'s YAML grammar is not installed here (bash scripts/vscode-test/install.sh installs it)');
    return;
  }
  const grammars = (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; language?: string }[] } }).contributes.grammars;
  // The tool resolves grammar paths against the configuration's folder.
  const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-grammar-')), 'config.json');
  const from = (file: string): string => path.relative(path.dirname(config), file);
  const yaml = grammars.filter((g) => g.language !== 'dockercompose').map((g) => ({ ...g, path: from(path.join(VSCODE_YAML, g.path)) }));
  const injection = { scopeName: 'calico-selector.injection', path: from(path.join(PROJECT_ROOT, 'syntaxes', 'calico-selector.injection.tmLanguage.json')), injectTo: ['source.yaml'] };
  fs.writeFileSync(config, JSON.stringify({ contributes: { languages: [{ id: 'yaml', extensions: ['.yaml'] }], grammars: [...yaml, injection] } }));
  try {
    const result = run('unit', ['--config', config, 'test/grammar/assertions/*.yaml']);
    assert.equal(result.status, 0, result.output);
  } finally {
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
  }
});
