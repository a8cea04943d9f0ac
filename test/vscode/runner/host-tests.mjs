// Part A: mocha tests inside VS Code's extension host (what @vscode/test-electron does).
//
// Why a results file: the tests' run() is called inside the extension host, and a run()
// that throws still ends the host with exit code 0, so pass/fail can only come from the
// JSON file the suite writes (atomically). Its path reaches the extension host through
// an environment variable: code-server's extension hosts inherit the server's env.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbench, testPayload } from './browser.mjs';
import { makeProfile, removeProfile, startCodeServer } from './code-server.mjs';
import { limits, paths } from './config.mjs';
import { guardWorkspace } from './workspace-guard.mjs';

export const RESULTS_ENV = 'NETPOL_LENS_VSCODE_RESULTS';

/** Runs the suite; returns a list of { name, ok, error? } (never throws). */
export async function runHostTests() {
  const resultsFile = join(paths.results, 'host-results.json');
  for (const stale of [resultsFile, join(paths.results, 'host-failure.png')]) rmSync(stale, { force: true });
  const profile = makeProfile('host');
  const checkWorkspace = guardWorkspace(paths.workspace);
  let server;
  let browser;
  let page;
  let entries;
  try {
    server = await startCodeServer({
      profile,
      workspace: paths.workspace,
      logFile: join(paths.results, 'host-code-server.log'),
      env: { [RESULTS_ENV]: resultsFile },
      smokeTestDriver: true,
    });
    const payload = testPayload(server, paths.extensionRoot, paths.suiteIndex);
    ({ browser, page } = await openWorkbench(server, paths.workspace, {
      payload, consoleLog: join(paths.results, 'host-browser-console.log'), env: profile.env,
    }));
    entries = toEntries(await waitForResults(resultsFile, server, limits.hostTests));
  } catch (err) {
    entries = [{ name: 'extension-host tests', ok: false, error: String(err?.message ?? err) }];
  } finally {
    // What the window showed (an error notification, a missing editor) helps explain failures.
    if (!entries?.every((e) => e.ok)) {
      await page?.screenshot({ path: join(paths.results, 'host-failure.png') }).catch(() => {});
    }
    await browser?.close().catch(() => {});
    await server?.stop();
    removeProfile(profile);
  }
  return [...entries, checkWorkspace()];
}

async function waitForResults(file, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The file appears only complete (tmp + rename), so one successful read is final.
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    if (server.child.exitCode !== null) throw new Error(`code-server exited early (${server.child.exitCode})`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no results from the extension host within ${timeoutMs / 1000}s ` +
    '(see test-results/vscode/host-*.log)');
}

/** Mocha results -> runner entries; a run-level error (e.g. a file failed to load) fails too. */
function toEntries(results) {
  const entries = results.tests.map((t) => ({
    name: t.fullTitle, ok: t.state !== 'failed', error: t.error, skipped: t.state === 'pending', note: t.note,
  }));
  if (results.error) entries.push({ name: 'extension-host test run', ok: false, error: results.error });
  if (entries.length === 0) entries.push({ name: 'extension-host test run', ok: false, error: 'no tests found' });
  return entries;
}
