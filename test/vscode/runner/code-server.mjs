// Starts and stops one code-server (VS Code 1.139 served to a browser) for a test part.
//
// Why this shape: code-server must run on Node 24 explicitly (the machine's Node 20 also
// starts it and hides the mistake), in its own process group so that its extension hosts
// die with it, with an empty --config so nothing lands in ~/.config, and with a fresh
// user-data-dir whose settings turn off the Chat side bar and agent host of VS Code 1.139.
import { spawn, execFile } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { paths } from './config.mjs';

const TEST_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // VS Code in a browser auto-saves after 1 s by default: tests that edit an example in
  // memory would write it to disk.
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  // The examples live inside the project's git repository; its prompt would cover the UI.
  'git.enabled': false,
};

const activeProfiles = new Set();

/**
 * A fresh scratch folder holding the empty config, user data and extensions dirs, plus
 * XDG dirs: code-server (logs, heartbeat), VS Code (device id) and Chromium (crash
 * reports) otherwise write into the user's home. `env` points programs at those dirs.
 */
export function makeProfile(name) {
  const dir = mkdtempSync(join(tmpdir(), `netpol-vscode-${name}-`));
  const userData = join(dir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(TEST_SETTINGS, null, 2));
  writeFileSync(join(dir, 'config.yaml'), '');
  mkdirSync(join(dir, 'extensions'));
  const env = {};
  for (const kind of ['CONFIG', 'DATA', 'CACHE']) {
    env[`XDG_${kind}_HOME`] = join(dir, `xdg-${kind.toLowerCase()}`);
    mkdirSync(env[`XDG_${kind}_HOME`]);
  }
  const profile = { dir, userData, extensions: join(dir, 'extensions'), config: join(dir, 'config.yaml'), env };
  activeProfiles.add(profile);
  return profile;
}

export function removeProfile(profile) {
  activeProfiles.delete(profile);
  rmSync(profile.dir, { recursive: true, force: true });
}

/** Arguments every code-server invocation shares (also --install-extension). */
function baseArgs(profile) {
  return [paths.codeServerEntry, '--config', profile.config, '--user-data-dir', profile.userData,
    '--extensions-dir', profile.extensions, '--disable-telemetry', '--disable-update-check'];
}

/** Installs a .vsix into the profile's extensions dir; returns the installed extension ids. */
export async function installVsix(profile, vsix) {
  const run = promisify(execFile);
  const options = { timeout: 60_000, env: { ...process.env, ...profile.env } };
  await run(paths.node24, [...baseArgs(profile), '--install-extension', vsix], options);
  const { stdout } = await run(paths.node24, [...baseArgs(profile), '--list-extensions'], options);
  return stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:<free port> for `workspace` and waits for /healthz.
 * `smokeTestDriver` is required for the extension-test payload (silently ignored without it).
 */
export async function startCodeServer({ profile, workspace, logFile, env = {}, smokeTestDriver = false }) {
  const port = await freePort();
  const args = [...baseArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-workspace-trust'];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(workspace);
  const log = createWriteStream(logFile);
  // detached: Node calls setsid(), so the server and every process it forks share a group
  // we can kill as a whole; stdio goes to a log file kept for CI artifacts.
  const child = spawn(paths.node24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...profile.env, ...env },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const server = { port, child, url: `http://127.0.0.1:${port}`, stop: () => stopGroup(child) };
  activeServers.add(server);
  try {
    await waitHealthy(server, 30_000);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

async function waitHealthy(server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`code-server exited with ${server.child.exitCode}`);
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000}s`);
}

const activeServers = new Set();

/** SIGTERM to the whole process group, SIGKILL after a grace period. Never throws. */
async function stopGroup(child) {
  for (const s of activeServers) if (s.child === child) activeServers.delete(s);
  const pgid = child.pid;
  const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  if (!alive()) return;
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
  const deadline = Date.now() + 5_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
}

/** Synchronous last-resort cleanup for process exit / signals: servers, then profiles. */
export function cleanUpNow() {
  for (const s of activeServers) try { process.kill(-s.child.pid, 'SIGKILL'); } catch { /* gone */ }
  activeServers.clear();
  for (const p of activeProfiles) rmSync(p.dir, { recursive: true, force: true, maxRetries: 3 });
  activeProfiles.clear();
}
