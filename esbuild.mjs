// Bundles the extension: client (cjs, `vscode` external; the reachability panel's host
// a separate bundle loaded on first use), server and CLI (cjs, node),
// and the reachability panel's webview (browser iife + css, codicons copied beside it,
// all in dist/webview/, the only folder the webview may load from).
// Type-checking is `tsc -b`; esbuild does not type-check.
import { copyFileSync, mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

// The webview runs under a strict CSP: one script file, no eval, no workers (elkjs's
// bundled build lays out in the page itself).
const webview = { ...common, platform: 'browser', format: 'iife', target: 'chrome114' };

const builds = [
  // The panel's host code is loaded on first use (client/src/panel/register-panel.ts), so
  // it is a bundle of its own that the extension's bundle requires at run time.
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode', './panel.js'] },
  { ...node, entryPoints: ['client/src/panel/reachability-panel.ts'], outfile: 'dist/client/panel.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/server/cli.js' },
  { ...webview, entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview/panel.js' },
  { ...webview, entryPoints: ['client/webview/panel.css'], outfile: 'dist/webview/panel.css' },
];

// The Node flags the server runs with (see ARCHITECTURE.md, "Memory"): the client, the
// benchmark and the protocol tests all read this copy, so they run the server alike.
mkdirSync('dist/server', { recursive: true });
copyFileSync('server/node-flags.json', 'dist/server/node-flags.json');

// Codicons are bundled with the extension, never fetched from a CDN.
mkdirSync('dist/webview', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/${file}`);

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
