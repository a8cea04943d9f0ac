// Opens a code-server workbench in Debian's Chromium through playwright-core.
//
// Why: `playwright install` downloads browsers from a CDN we cannot reach, so we drive the
// system /usr/bin/chromium instead, with the launch flags known to work on these machines.
import { createRequire } from 'node:module';
import { appendFileSync, writeFileSync } from 'node:fs';
import { paths, limits } from './config.mjs';

// playwright-core is a CommonJS devDependency of the project; load it from there.
const { chromium } = createRequire(import.meta.url)('playwright-core');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches Chromium and opens `server`'s workbench on `workspace`, optionally with an
 * extension-test payload. Browser console lines go to `consoleLog` for debugging;
 * `env` (the profile's XDG dirs) keeps Chromium's files out of the user's home.
 * Returns { browser, page }; the caller closes the browser.
 */
export async function openWorkbench(server, workspace, { payload, consoleLog, env = {} } = {}) {
  const browser = await chromium.launch({
    executablePath: paths.chromium, args: CHROMIUM_ARGS, timeout: 30_000, env: { ...process.env, ...env },
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    if (consoleLog) {
      writeFileSync(consoleLog, '');
      page.on('console', (msg) => appendFileSync(consoleLog, `[${msg.type()}] ${msg.text()}\n`));
      page.on('pageerror', (err) => appendFileSync(consoleLog, `[pageerror] ${err.message}\n`));
    }
    let url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: limits.workbench, waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: limits.workbench });
    return { browser, page };
  } catch (err) {
    await browser.close().catch(() => {});
    throw err;
  }
}

/** The payload that makes VS Code load a development extension and run its tests. */
export function testPayload(server, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  return [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
}
