// @ts-check
/**
 * Runs one command as a child `node` process and measures the child alone: CPU time
 * (user + system), peak RSS and wall time, written by usage-on-exit.cjs as it exits,
 * and the number of lines it printed (read here, so reading the output costs the
 * child nothing). A run past its deadline is killed and reported as such.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'usage-on-exit.cjs');

/**
 * @typedef {{ cpuMs: number, peakRssMiB: number, wallMs: number, lines: number, exitCode: number | null, timedOut: boolean }} Measured
 */

/**
 * @param {string[]} args the script and its arguments
 * @param {{ cwd: string, deadlineMs: number, nodeArgs?: string[] }} options
 * @returns {Promise<Measured>}
 */
export function measureNode(args, { cwd, deadlineMs, nodeArgs = [] }) {
  const usageFile = path.join(os.tmpdir(), `netpol-bench-usage-${process.pid}-${Date.now()}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--require', PRELOAD, ...args], { cwd, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, NETPOL_BENCH_USAGE: usageFile } });
    let lines = 0;
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, deadlineMs);
    child.once('error', reject);
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      let usage = { cpuMs: NaN, peakRssMiB: NaN, wallMs: NaN };
      try {
        usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
        fs.rmSync(usageFile);
      } catch {
        // Killed before it could write: the figures stay unknown.
      }
      resolve({ ...usage, lines, exitCode, timedOut });
    });
  });
}
