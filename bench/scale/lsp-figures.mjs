// @ts-check
/**
 * The server's side of a large workspace, over stdio: initialize -> index ready, edit ->
 * diagnostics in an open policy file, the reachability matrix asked for the first time
 * and again with nothing changed, the panel's what-if (the flows the unsaved buffer
 * changes: the typing leaves one character more than the disk has) first and again, and
 * the server's peak RSS. Wall times, and the server
 * process's own CPU time (read from /proc), which load on the machine inflates less.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspSession } from '../lsp/lsp-session.mjs';
import { processCpuMs, processMemory } from '../lsp/process-usage.mjs';
import { serverSpecs } from '../lsp/servers.mjs';
import { median } from '../lsp/stats.mjs';

/**
 * @typedef {{ wallMs: number, cpuMs: number }} Timed
 * @typedef {{ index: Timed, edit: Timed, matrixFirst: Timed, matrixAgain: Timed, whatIfFirst: Timed, whatIfAgain: Timed, cells: number, peakRssMiB: number }} LspFigures
 */

/**
 * @param {LspSession} session
 * @param {() => Promise<unknown>} action
 * @returns {Promise<Timed>}
 */
async function timed(session, action) {
  const cpu = processCpuMs(session.pid);
  const started = performance.now();
  await action();
  return { wallMs: performance.now() - started, cpuMs: processCpuMs(session.pid) - cpu };
}

/**
 * @param {string} projectRoot
 * @param {string} folder
 * @param {{ path: string, text: string }} policyFile a file of the folder to open and type into
 * @param {{ deadlineMs: number, edits?: number }} options
 * @returns {Promise<LspFigures>}
 */
export async function lspFigures(projectRoot, folder, policyFile, { deadlineMs, edits = 7 }) {
  const [spec] = serverSpecs(projectRoot, ['netpol-lens']);
  const session = new LspSession(spec);
  try {
    const index = await timed(session, async () => {
      await session.initialize(pathToFileURL(folder).toString(), deadlineMs);
      await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, deadlineMs);
    });
    const uri = pathToFileURL(policyFile.path).toString();
    await session.open(uri, policyFile.text);
    await session.settle(300, deadlineMs);
    const offset = policyFile.text.indexOf('policyTypes');
    const before = policyFile.text.slice(0, offset).split('\n');
    const at = { line: before.length - 1, character: before[before.length - 1].length };
    const samples = [];
    for (let i = 0; i < edits; i++) {
      const typing = i % 2 === 0;
      samples.push(
        await timed(session, async () => {
          const afterSeq = session.seq;
          const range = typing ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
          const version = await session.change(uri, range, typing ? 'x' : '');
          await session.nextDiagnostics(uri, afterSeq, version, deadlineMs);
        }),
      );
    }
    await session.settle(300, deadlineMs);
    let cells = 0;
    const ask = async () => {
      const result = /** @type {{ nodes: { ids: unknown[] } }} */ (await session.request('netpolLens/reachabilityMatrix', {}, 'a reachability matrix', deadlineMs));
      cells = result.nodes.ids.length ** 2;
    };
    const matrixFirst = await timed(session, ask);
    const matrixAgain = await timed(session, ask);
    const whatIf = () => session.request('netpolLens/whatIf', {}, 'the what-if flows', deadlineMs);
    const whatIfFirst = await timed(session, whatIf);
    const whatIfAgain = await timed(session, whatIf);
    const edit = { wallMs: median(samples.map((s) => s.wallMs)), cpuMs: median(samples.map((s) => s.cpuMs)) };
    return { index, edit, matrixFirst, matrixAgain, whatIfFirst, whatIfAgain, cells, peakRssMiB: processMemory(session.pid).peakRssMiB };
  } finally {
    await session.stop();
  }
}
