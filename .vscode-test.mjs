// The extension-host suite (test/vscode/suite) under @vscode/test-cli, the runner
// extension authors use: `npx vscode-test` downloads VS Code desktop into
// .vscode-test/ and runs the suite in it. CI here cannot download VS Code, so
// `npm run test:vscode` runs the same files in code-server (test/vscode/run.sh);
// README says when to use which. The mocha settings match suite/index.js.
import { readdirSync } from 'node:fs';
import { defineConfig } from '@vscode/test-cli';

// Listed, not globbed: in name order, as suite/index.js runs them.
const suite = 'test/vscode/suite';
const files = readdirSync(suite).filter((f) => f.endsWith('.test.js')).sort().map((f) => `${suite}/${f}`);

export default defineConfig({
  label: 'extension host',
  files,
  workspaceFolder: 'examples',
  version: 'stable',
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'bdd', timeout: 30_000, color: true },
});
