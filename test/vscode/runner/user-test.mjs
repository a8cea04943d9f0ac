// Part B: the packaged extension used as a user would, through the browser UI.
//
// Why: extension-host tests load the extension from its folder, so they cannot catch a
// broken .vsix (a file left out of package.json's "files", a missing bundle). Here the .vsix is
// installed into a fresh extensions dir, a file is opened with Ctrl+P, and the Problems
// count is read from the status bar, the way a person would see it.
import { join } from 'node:path';
import { openWorkbench } from './browser.mjs';
import { installVsix, makeProfile, removeProfile, startCodeServer } from './code-server.mjs';
import { EXTENSION_ID, limits, paths } from './config.mjs';

const FILE = 'broken-policies.yaml';

/** Returns a list of { name, ok, error? } (never throws). */
export async function runUserTest() {
  const entries = [];
  const profile = makeProfile('user');
  let server;
  let browser;
  const check = async (name, fn) => {
    try {
      const note = await fn();
      entries.push({ name, ok: true, note });
    } catch (err) {
      entries.push({ name, ok: false, error: String(err?.message ?? err) });
      throw err;
    }
  };
  try {
    await check('vsix installs with code-server --install-extension', async () => {
      const ids = await installVsix(profile, paths.vsix);
      if (!ids.includes(EXTENSION_ID)) throw new Error(`installed: ${ids.join(', ') || 'nothing'}`);
    });
    server = await startCodeServer({
      profile, workspace: paths.workspace, logFile: join(paths.results, 'user-code-server.log'),
    });
    let page;
    ({ browser, page } = await openWorkbench(server, paths.workspace, {
      consoleLog: join(paths.results, 'user-browser-console.log'), env: profile.env,
    }));
    await check(`opening mistakes/${FILE} shows errors in the status bar`, async () => {
      try {
        await quickOpen(page, FILE);
        const label = await waitForErrorCount(page, limits.problems);
        await expectProblemFromLens(page);
        return `status bar: "${label}"`;
      } finally {
        await page.screenshot({ path: join(paths.results, 'user-problems.png') }).catch(() => {});
      }
    });
  } catch (err) {
    if (entries.every((e) => e.ok)) entries.push({ name: 'user test setup', ok: false, error: String(err?.message ?? err) });
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    removeProfile(profile);
  }
  return entries;
}

/** Ctrl+P, type the name, pick the match: opens the file in an editor. */
async function quickOpen(page, fileName) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first()
    .waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: 15_000 });
  await page.locator('.monaco-editor .view-line').first().waitFor({ state: 'visible', timeout: 15_000 });
}

/**
 * Clicks the status item to open the Problems panel and waits for a row naming
 * netpol-lens as its source, so the count is known to be ours, not another extension's.
 */
async function expectProblemFromLens(page) {
  await page.locator('#status\\.problems').click();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'netpol-lens' }).first()
    .waitFor({ state: 'visible', timeout: 15_000 });
}

/** Polls the Problems status item (aria-label e.g. "Errors: 1, Warnings: 0") until errors >= 1; returns the label. */
async function waitForErrorCount(page, timeoutMs) {
  const item = page.locator('#status\\.problems');
  const deadline = Date.now() + timeoutMs;
  let label = '';
  while (Date.now() < deadline) {
    label = (await item.getAttribute('aria-label', { timeout: 1_000 }).catch(() => null)) ?? '';
    const errors = Number(/Errors?:\s*(\d+)/i.exec(label)?.[1] ?? 0);
    if (errors >= 1) return label;
    await page.waitForTimeout(250);
  }
  throw new Error(`status bar never showed an error within ${timeoutMs / 1000}s (last aria-label: "${label}")`);
}
