// Webview benchmark: the reachability panel's matrix in headless Chromium, fed a
// generated matrix in the server's compact form (test/webview/support/synthetic-matrix.ts:
// 50 namespaces, a palette of the port sets policies write, externals last) at 1,000,
// 5,000 and 20,000 workloads. Prints, against the targets (first render ≤ 1 s, scroll
// frames ≤ 16 ms):
//   - the host's share: checking the server's answer, making its runs a typed array
//     (VS Code carries typed arrays to a webview as binary) and the rest JSON;
//   - first render: from the message arriving (its JSON parsed, the message posted into
//     the page, checked, laid out, drawn) to the end of the first frame that shows cells;
//   - scroll frames: the main thread's time for each frame that draws a new scroll
//     position (from the frame's first animation callback to the end of its rendering),
//     for a wheel-like scroll down, across, diagonally, and jumps far away (a dragged
//     scrollbar), and how many frames exceed 16 ms; and the main thread's CPU time a frame,
//     from a trace of the same scroll (all its top-level tasks: a canvas's raster may run
//     after the frame), which the machine's load inflates less;
//   - cell elements in the DOM (the cells are painted on a canvas: only the focused one).
// Numbers only: nothing asserts a time. Needs `tsc -b test/webview` and `node esbuild.mjs`
// (npm run bench does both) and Debian's Chromium, as `npm run test:webview` does.
//
//   node bench/webview/bench.mjs [--sizes=1000,5000,20000] [--frames=60]
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const support = (file) => require(path.join(ROOT, 'out', 'webview-test', 'webview', 'support', file));
const { chromiumMissing, launchChromium } = support('chromium.js');
const { PanelPage, PanelServer } = support('panel-page.js');
const { syntheticMatrix } = support('synthetic-matrix.js');
const { compactMatrix } = require(path.join(ROOT, 'out', 'client', 'src', 'panel', 'compact-matrix.js'));

const TARGET_FIRST_MS = 1000;
const TARGET_FRAME_MS = 16;

const options = { sizes: [1000, 5000, 20000], frames: 60 };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.replace(/^--/, '').split('=');
  if (key === 'sizes') options.sizes = value.split(',').map(Number);
  else if (key === 'frames') options.frames = Number(value);
  else throw new Error(`unknown option ${arg}`);
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** One size: a fresh page, the matrix posted as the host posts it, then the scroll runs. */
async function measure(browser, server, workloads) {
  const { matrix } = syntheticMatrix(workloads);
  // The host's share: the runs checked and made a typed array (VS Code carries it as binary), the rest as JSON.
  const hostStart = performance.now();
  const { cellRuns, ...rest } = compactMatrix(matrix, undefined);
  const text = JSON.stringify({ type: 'matrix', matrix: rest });
  const hostMs = performance.now() - hostStart;
  const panel = await PanelPage.open(browser, server, { width: 1280, height: 760, onMessage: (m, p) => m.type === 'ready' && p.send({ type: 'status', state: 'ready', message: '' }) });
  try {
    await panel.waitForPosted('ready');
    await panel.page.evaluate(
      ({ t, runs }) => {
        window.__matrixText = t;
        const binary = atob(runs);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        window.__matrixRuns = new Uint32Array(bytes.buffer);
      },
      { t: text, runs: Buffer.from(cellRuns.buffer, cellRuns.byteOffset, cellRuns.byteLength).toString('base64') },
    );
    const firstMs = await panel.page.evaluate(firstRender);
    // The renderer's main-thread CPU time while scrolling, from a trace: a load-steadier figure than wall time.
    await browser.startTracing(panel.page, { categories: ['toplevel'] });
    const scroll = await panel.page.evaluate(scrollFrames, { frames: options.frames });
    scroll.cpuMs = mainThreadCpuMs(await browser.stopTracing());
    const problems = [...panel.problems];
    return { workloads, nodes: matrix.nodes.ids.length, runs: matrix.cellRuns.length / 2, messageMiB: (text.length + cellRuns.byteLength) / 2 ** 20, hostMs, firstMs, scroll, problems };
  } finally {
    await panel.close();
  }
}

/**
 * In the page: parse the message's JSON (the runs arrive as binary beside it), post it (the
 * browser clones it into the page's message event), and wait until a frame with the cells'
 * canvas painted has been rendered.
 */
async function firstRender() {
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(0);
  }));
  const start = performance.now();
  const message = JSON.parse(window.__matrixText);
  message.matrix.cellRuns = window.__matrixRuns;
  window.postMessage(message, '*');
  while (!document.querySelector('canvas.matrix-paint')?.width) await afterFrame();
  await afterFrame();
  delete window.__matrixText;
  delete window.__matrixRuns;
  return performance.now() - start;
}

/**
 * In the page: each animation frame sets the next scroll position; the view draws it in
 * the following frame, whose main-thread time (its animation callbacks, style, layout and
 * paint, up to a task queued behind them) is one sample.
 */
async function scrollFrames({ frames }) {
  const el = document.querySelector('.matrix-scroll');
  const maxTop = el.scrollHeight - el.clientHeight;
  const maxLeft = el.scrollWidth - el.clientWidth;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const plans = {
    down: (i) => [Math.min(maxTop, i * 120), 0],
    across: (i) => [0, Math.min(maxLeft, i * 200)],
    diagonal: (i) => [Math.min(maxTop, i * 96), Math.min(maxLeft, i * 160)],
    jumps: () => [Math.floor(random() * maxTop), Math.floor(random() * maxLeft)],
  };
  const result = {};
  for (const [name, plan] of Object.entries(plans)) {
    el.scrollTop = 0;
    el.scrollLeft = 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const samples = [];
    await new Promise((resolve) => {
      let i = 0;
      const frame = () => {
        const start = performance.now();
        if (i <= frames) {
          const [top, left] = plan(i + 1);
          el.scrollTop = top;
          el.scrollLeft = left;
        }
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          // The first frame draws the reset to 0,0; the others each draw the previous frame's position.
          if (i > 0) samples.push(performance.now() - start);
          if (++i > frames) resolve(undefined);
          else requestAnimationFrame(frame);
        };
        channel.port2.postMessage(0);
      };
      requestAnimationFrame(frame);
    });
    result[name] = samples;
  }
  result.cellsInDom = document.querySelectorAll('[role=gridcell]').length;
  return result;
}

/**
 * CPU time of the page's main thread in a Chromium trace: its top-level tasks, whatever
 * their name (a canvas's raster can run as a task of its own after the frame), each
 * counted once.
 */
function mainThreadCpuMs(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && String(e.cat).split(',').includes('toplevel')).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let us = 0;
  let end = -Infinity;
  for (const e of tasks) {
    if (e.ts < end) continue;
    us += e.tdur ?? e.dur ?? 0;
    end = e.ts + (e.dur ?? 0);
  }
  return us / 1000;
}

function report(results) {
  console.log('| workloads (nodes) | runs | message | host: check + encode | first render | scroll p50 / p95 / max | frames > 16 ms | scroll CPU a frame | cells in the DOM |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    if (r.error) {
      console.log(`| ${r.workloads} | | | | failed: ${r.error} | | | | |`);
      continue;
    }
    const all = ['down', 'across', 'diagonal', 'jumps'].flatMap((k) => r.scroll[k]);
    const over = all.filter((v) => v > TARGET_FRAME_MS).length;
    console.log(`| ${r.workloads.toLocaleString('en')} (${r.nodes.toLocaleString('en')}) | ${r.runs.toLocaleString('en')} | ${r.messageMiB.toFixed(1)} MiB | ${ms(r.hostMs)} | ${ms(r.firstMs)} | ${ms(percentile(all, 50))} / ${ms(percentile(all, 95))} / ${ms(Math.max(...all))} | ${over} of ${all.length} | ${ms(r.scroll.cpuMs / all.length)} | ${r.scroll.cellsInDom} |`);
  }
  console.log('\nscroll p95 by motion (down / across / diagonal / jumps):');
  for (const r of results.filter((x) => !x.error)) console.log(`  ${r.workloads}: ${['down', 'across', 'diagonal', 'jumps'].map((k) => ms(percentile(r.scroll[k], 95))).join(' / ')}`);
  console.log('\ntargets:');
  for (const r of results.filter((x) => !x.error)) {
    const all = ['down', 'across', 'diagonal', 'jumps'].flatMap((k) => r.scroll[k]);
    const p95 = percentile(all, 95);
    console.log(`  ${r.workloads} workloads: first render ≤ ${TARGET_FIRST_MS} ms ${r.firstMs <= TARGET_FIRST_MS ? 'PASS' : 'FAIL'} (${ms(r.firstMs)}); scroll frames ≤ ${TARGET_FRAME_MS} ms at p95 ${p95 <= TARGET_FRAME_MS ? 'PASS' : 'FAIL'} (${ms(p95)})`);
  }
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

async function main() {
  console.log(`load average at the start: ${loadAverage()} (${os.cpus().length} cores; wall times grow with it)`);
  const missing = chromiumMissing();
  if (missing) {
    console.log(`webview benchmark skipped: ${missing}`);
    return 0;
  }
  const browser = await launchChromium();
  const server = await PanelServer.start();
  const results = [];
  let code = 0;
  try {
    for (const size of options.sizes) {
      try {
        const result = await measure(browser, server, size);
        if (result.problems.length > 0) {
          console.error(`${size}: the page reported problems: ${result.problems.join(' | ')}`);
          code = 1;
        }
        results.push(result);
      } catch (error) {
        results.push({ workloads: size, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
        code = 1;
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(results);
  console.log(`load average at the end: ${loadAverage()}`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
