// @ts-check
/**
 * One server, one manifest: open, edit, hover, complete, read memory, stop.
 *
 * What "the diagnostics for an edit" means, for each server:
 * - netpol-lens sends `version` in publishDiagnostics, so the answer to the change that
 *   made version N is the first publish carrying version N. Exact.
 * - yaml-language-server sends no version. Every change restarts a 200 ms timer, and
 *   when it fires the server validates the current text and publishes once. So the
 *   answer to a change is the first publish for the uri that arrives after the change
 *   was sent, provided nothing else was pending when it was sent. (Before validating it
 *   also asks the client for its `[yaml]` settings; this client answers at once.) The driver makes sure
 *   of that: it sends one change at a time, waits for its publish before the next, and
 *   after opening a file waits for the server to go quiet (which also absorbs a second
 *   publish, should a server validate twice on open).
 * Times run from just before the notification is written to the server's stdin to the
 * arrival of the publish in this process, so both servers pay the same transport cost.
 * The 200 ms timer is part of what a user waits for; the table also shows the time
 * without it, so the compute part of both servers can be compared on its own.
 */
import { performance } from 'node:perf_hooks';
import { LspSession } from './lsp-session.mjs';
import { hoverPositions, middleEditPosition } from './positions.mjs';
import { processCpuMs, processMemory } from './process-usage.mjs';
import { latencySummary, median } from './stats.mjs';

/**
 * @typedef {object} MeasureOptions
 * @property {string} rootUri
 * @property {{ uri: string, text: string }} manifest
 * @property {{ uri: string, text: string }} warmup a small manifest opened first, so module loading and schema compilation are not billed to the measured file
 * @property {number} [nodeBaselineMiB] the RSS of an idle node process, to show what the server adds above it
 * @property {string} outsideUri where the manifest's text is also opened, outside the workspace folder: a file no server has seen
 * @property {number} edits
 * @property {number} hovers
 * @property {number} completions
 * @property {number} deadlineMs for each single wait
 * @property {string[]} [nodeArgs]
 *
 * @typedef {Awaited<ReturnType<typeof measureServer>>} RunResult
 * @typedef {Awaited<ReturnType<typeof measureRequests>>} RequestSummary
 */

/**
 * @param {import('./servers.mjs').ServerSpec} spec
 * @param {MeasureOptions} options
 */
export async function measureServer(spec, options) {
  const startedAt = performance.now();
  const session = new LspSession(spec, options.nodeArgs);
  try {
    await session.initialize(options.rootUri, options.deadlineMs);
    await session.waitFor(() => (spec.ready.test(session) ? true : undefined), spec.ready.what, options.deadlineMs);
    // From spawning to ready: initialize, then whatever start-up work the server announces.
    const readyMs = performance.now() - startedAt;
    const warmupOpenMs = await warmUp(session, options);
    const open = await measureOpen(session, options);
    const edits = await measureEdits(session, options);
    const hover = await measureRequests(session, 'textDocument/hover', hoverPositions(options.manifest.text, options.hovers), options);
    const completion = session.capabilities?.completionProvider
      ? await measureRequests(session, 'textDocument/completion', hoverPositions(options.manifest.text, options.completions), options)
      : undefined;
    const measured = processMemory(session.pid);
    const memory = { ...measured, aboveNodeMiB: measured.rssMiB - (options.nodeBaselineMiB ?? NaN) };
    // Last, so the second copy of the text does not count in the memory figures.
    const outsideOpenMs = await measureOutsideOpen(session, options);
    return {
      server: spec.id,
      label: spec.label,
      validationDelayMs: spec.validationDelayMs,
      readyMs,
      warmupOpenMs,
      outsideOpenMs,
      ...open,
      edits,
      hover,
      completion: completion ?? null,
      memory,
      unexpectedRequests: [...session.unexpectedRequests],
    };
  } finally {
    await session.stop();
  }
}

/**
 * Opens a small manifest, hovers and edits it once, and closes it: a server that has been
 * running for a while is the normal case when a user opens a big file.
 * @param {LspSession} session
 * @param {MeasureOptions} options
 */
async function warmUp(session, options) {
  const { uri, text } = options.warmup;
  const opened = await openTimed(session, options.warmup, options.deadlineMs);
  for (const position of hoverPositions(text, 10)) {
    await session.request('textDocument/hover', { textDocument: { uri }, position }, 'a response to a warm-up hover', options.deadlineMs);
  }
  const edit = middleEditPosition(text);
  const seq = session.seq;
  const version = await session.change(uri, { start: edit, end: edit }, 'x');
  await session.nextDiagnostics(uri, seq, version, options.deadlineMs);
  await session.close(uri);
  await session.settle(quietPeriod(session), options.deadlineMs);
  return opened.ms;
}

/**
 * @param {LspSession} session
 * @param {MeasureOptions} options
 */
async function measureOpen(session, options) {
  const { uri } = options.manifest;
  const { first, afterSeq, ms } = await openTimed(session, options.manifest, options.deadlineMs);
  await session.settle(quietPeriod(session), options.deadlineMs);
  const publishes = (session.published.get(uri) ?? []).filter((p) => p.seq > afterSeq);
  return { openMs: ms, openDiagnostics: first.count, openPublishes: publishes.length };
}

/**
 * Opens the manifest's text at a uri outside the workspace folder, waits for its
 * diagnostics and closes it. netpol-lens has analysed the workspace's files while
 * indexing, and reuses that analysis when one of them is opened; a file outside the
 * folder shows what opening a file it has never seen costs.
 * @param {LspSession} session
 * @param {MeasureOptions} options
 */
async function measureOutsideOpen(session, options) {
  const document = { uri: options.outsideUri, text: options.manifest.text };
  const { ms } = await openTimed(session, document, options.deadlineMs);
  await session.close(document.uri);
  await session.settle(quietPeriod(session), options.deadlineMs);
  return ms;
}

/**
 * Opens a document and waits for its first diagnostics: the time a user waits
 * after opening a file, measured the same way for the warm-up and the manifest.
 * @param {LspSession} session
 * @param {{ uri: string, text: string }} document
 * @param {number} deadlineMs
 */
async function openTimed(session, document, deadlineMs) {
  const afterSeq = session.seq;
  const started = performance.now();
  await session.open(document.uri, document.text);
  const first = await session.nextDiagnostics(document.uri, afterSeq, 1, deadlineMs);
  return { first, afterSeq, ms: first.at - started };
}

/**
 * One-character edits at the same spot in the middle of the file, alternately typing
 * an `x` and deleting it, so every version of the file has the same diagnostics.
 * @param {LspSession} session
 * @param {MeasureOptions} options
 */
async function measureEdits(session, options) {
  const { uri } = options.manifest;
  const at = middleEditPosition(options.manifest.text);
  const after = { line: at.line, character: at.character + 1 };
  /** @type {number[]} */
  const samples = [];
  let diagnostics = 0;
  const cpuBefore = processCpuMs(session.pid);
  for (let i = 0; i < options.edits; i++) {
    const typing = i % 2 === 0;
    const afterSeq = session.seq;
    const started = performance.now();
    const version = await session.change(uri, typing ? { start: at, end: at } : { start: at, end: after }, typing ? 'x' : '');
    const published = await session.nextDiagnostics(uri, afterSeq, version, options.deadlineMs);
    samples.push(published.at - started);
    diagnostics = published.count;
  }
  const cpuMsPerEdit = (processCpuMs(session.pid) - cpuBefore) / options.edits;
  const medianMs = median(samples);
  // The fastest edit is the one least disturbed by other processes on a busy machine.
  const minMs = Math.min(...samples);
  return { line: at.line + 1, samples, medianMs, minMs, medianWithoutDelayMs: medianMs - session.spec.validationDelayMs, cpuMsPerEdit, diagnostics };
}

/**
 * Sends requests one after another (as a user moving the mouse would) and times each.
 * @param {LspSession} session
 * @param {string} method
 * @param {import('./positions.mjs').Position[]} positions
 * @param {MeasureOptions} options
 */
async function measureRequests(session, method, positions, options) {
  const { uri } = options.manifest;
  /** @type {number[]} */
  const samples = [];
  let answered = 0;
  for (const position of positions) {
    const started = performance.now();
    const result = await session.request(method, { textDocument: { uri }, position }, `a ${method} response`, options.deadlineMs);
    samples.push(performance.now() - started);
    if (hasContent(result)) answered++;
  }
  return { ...latencySummary(samples), answered };
}

/**
 * Whether a hover or completion result has anything to show, so a fast `null` is not
 * mistaken for a fast answer.
 * @param {unknown} result
 */
function hasContent(result) {
  if (result === null || result === undefined) return false;
  if (Array.isArray(result)) return result.length > 0;
  const record = /** @type {{ contents?: unknown, items?: unknown[] }} */ (result);
  if (record.items) return record.items.length > 0;
  const contents = record.contents;
  if (typeof contents === 'string') return contents.length > 0;
  if (Array.isArray(contents)) return contents.length > 0;
  return typeof contents === 'object' && contents !== null && String(/** @type {{ value?: unknown }} */ (contents).value ?? '').length > 0;
}

/**
 * How long nothing must arrive before the server counts as idle: longer than its
 * validation timer, so a pending validation cannot hide behind the quiet period.
 * @param {LspSession} session
 */
function quietPeriod(session) {
  return session.spec.validationDelayMs + 250;
}
