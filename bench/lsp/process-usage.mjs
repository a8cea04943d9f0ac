// @ts-check
/**
 * Memory and CPU time of a server process, read from Linux's /proc. The servers are
 * spawned as `node <script>` without a shell, so the child's pid is the server itself.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/**
 * VmRSS (resident now) and VmHWM (the peak of resident memory), in MiB.
 * @param {number} pid
 */
export function processMemory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (/** @type {string} */ field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakRssMiB: kib('VmHWM') / 1024 };
}

/**
 * CPU time (user + system, all threads) the process has used so far, in ms. Unlike wall
 * time, it barely grows when other processes compete for the CPU. /proc counts in clock
 * ticks, which are 10 ms (USER_HZ = 100) on Linux.
 * @param {number} pid
 */
export function processCpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name start at field 3 (state); utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The RSS of an idle `node` process that loaded nothing: the part of every Node
 * server's RSS that is Node itself (its binary's pages, V8's start-up heap). Both
 * servers run on Node, so the benchmark also shows what each adds above it.
 */
export async function idleNodeRssMiB() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (child.pid === undefined) throw new Error('could not start an idle node process');
    return processMemory(child.pid).rssMiB;
  } finally {
    child.kill();
  }
}
