// How long elkjs takes to lay out the panel's graph, per set of layout options, for graphs
// of the shape the graph view draws: workloads inside namespace boxes with one arrow per
// allowed flow (labelled with its ports unless all are allowed), and the namespace
// overview (one box per namespace, one arrow per pair of namespaces with a flow). The
// flows come from the generated matrix the webview benchmark uses. Numbers only; this is
// how the options in server/src/graph-layout.ts were chosen.
//
//   node bench/webview/graph-layout.mjs [--nodes=30,60,100] [--rounds=5] [--timeout=900]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { syntheticMatrix } = require(path.join(ROOT, 'out', 'webview-test', 'webview', 'support', 'synthetic-matrix.js'));
const { GRAPH_LAYOUT_OPTIONS, GROUP_LAYOUT_OPTIONS } = require(path.join(ROOT, 'out', 'server', 'src', 'graph-layout.js'));

const options = { nodes: [30, 60, 100], rounds: 5, timeout: 900 };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.replace(/^--/, '').split('=');
  if (key === 'nodes') options.nodes = value.split(',').map(Number);
  else if (key === 'rounds') options.rounds = Number(value);
  else if (key === 'timeout') options.timeout = Number(value);
  else throw new Error(`unknown option ${arg}`);
}

const LAYERED = { ...GRAPH_LAYOUT_OPTIONS, 'elk.algorithm': 'layered' };
const CANDIDATES = {
  'layered (server/src/graph-layout.ts)': GRAPH_LAYOUT_OPTIONS,
  'layered, thoroughness 7 (elkjs default)': { ...LAYERED, 'elk.layered.thoroughness': '7' },
  'layered, thoroughness 1': { ...LAYERED, 'elk.layered.thoroughness': '1' },
  'layered, thoroughness 1, simple node placement': { ...LAYERED, 'elk.layered.thoroughness': '1', 'elk.layered.nodePlacement.strategy': 'SIMPLE' },
  'layered, thoroughness 1, polyline edges': { ...LAYERED, 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE' },
  'layered, thoroughness 1, no greedy switch': { ...LAYERED, 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF', 'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF' },
  'layered, thoroughness 1, all three': {
    ...LAYERED,
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'SIMPLE',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.crossingMinimization.greedySwitchHierarchical.type': 'OFF',
  },
  'stress (straight edges)': { ...GRAPH_LAYOUT_OPTIONS, 'elk.algorithm': 'stress', 'elk.stress.desiredEdgeLength': '120' },
  'force (straight edges)': { ...GRAPH_LAYOUT_OPTIONS, 'elk.algorithm': 'force' },
};

const textWidth = (text, size = 12) => Math.ceil(text.length * size * 0.62);

/** The graph view's elk graph for the first `count` workloads of the matrix and their flows, at most `maxEdges`. */
function workloadGraph(matrix, expected, count, maxEdges) {
  const shown = [];
  const perNs = Math.ceil(count / 10);
  // Ten namespaces' first workloads: flows inside a namespace and across.
  for (const group of matrix.groups.slice(0, 10)) shown.push(...group.nodes.slice(0, perNs));
  const nodes = shown.slice(0, count);
  const edges = [];
  for (const r of nodes) {
    for (const c of nodes) {
      if (r === c || edges.length >= maxEdges) continue;
      const cell = matrix.palette[expected(r, c)];
      if (cell.status !== 'denied') edges.push({ r, c, label: cell.connections === 'All Connections' ? '' : cell.connections });
    }
  }
  const groups = new Map();
  for (const i of nodes) groups.set(matrix.nodes[i].group, [...(groups.get(matrix.nodes[i].group) ?? []), i]);
  return {
    size: `${nodes.length} workloads in ${groups.size} namespaces, ${edges.length} arrows`,
    graph: (layoutOptions) => ({
      id: 'root',
      layoutOptions,
      children: [...groups].map(([g, members]) => ({ id: `g-${g}`, layoutOptions: { ...GROUP_LAYOUT_OPTIONS }, children: members.map((i) => ({ id: `n${i}`, width: Math.max(90, textWidth(matrix.nodes[i].label) + 40), height: 30 })) })),
      edges: edges.map((e, k) => ({ id: `e${k}`, sources: [`n${e.r}`], targets: [`n${e.c}`], ...(e.label && { labels: [{ text: e.label, width: textWidth(e.label, 11) + 8, height: 16 }] }) })),
    }),
  };
}

/**
 * The namespace overview: a node per namespace, an arrow per ordered pair of namespaces
 * with a flow, except into a namespace every other one reaches or out of one that reaches
 * every other (the panel says that on the node instead of drawing an arrow for each).
 */
function namespaceGraph(matrix, expected) {
  const pairs = [];
  for (const a of matrix.groups) {
    for (const b of matrix.groups) {
      if (a !== b && a.nodes.some((r) => b.nodes.some((c) => matrix.palette[expected(r, c)].status !== 'denied'))) pairs.push([a.id, b.id]);
    }
  }
  const reached = new Map();
  const reaches = new Map();
  for (const [a, b] of pairs) {
    reached.set(b, (reached.get(b) ?? 0) + 1);
    reaches.set(a, (reaches.get(a) ?? 0) + 1);
  }
  const others = matrix.groups.length - 1;
  const edges = pairs.filter(([a, b]) => reached.get(b) < others && reaches.get(a) < others);
  return {
    size: `${matrix.groups.length} namespaces, ${edges.length} arrows`,
    graph: (layoutOptions) => ({
      id: 'root',
      layoutOptions,
      children: matrix.groups.map((g) => ({ id: `g-${g.id}`, width: Math.max(110, textWidth(g.label) + 40), height: 44 })),
      edges: edges.map(([a, b], k) => ({ id: `e${k}`, sources: [`g-${a}`], targets: [`g-${b}`], labels: [{ text: '99 flows', width: textWidth('99 flows', 11) + 8, height: 16 }] })),
    }),
  };
}

/**
 * elkjs lays out synchronously, so the layouts run in a worker thread (stopped past the
 * time limit). The first layout of each shape with the chosen options is timed as the
 * panel's first (elkjs's code still cold); then every option set lays out every shape
 * once per round, the option sets taking turns, so a machine's changing load falls on all
 * of them alike, and each gets the median of its rounds (warm).
 */
function timeAll(shapes, rounds) {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const ELK = require(workerData.elk);
     const elk = new ELK();
     const time = async (graph) => { const start = performance.now(); await elk.layout(structuredClone(graph)); return performance.now() - start; };
     (async () => {
       const first = [];
       for (const graph of workerData.first) first.push(await time(graph));
       parentPort.postMessage({ first });
       for (let round = 0; round < workerData.rounds; round++) {
         const times = workerData.sets.map(() => []);
         for (let s = 0; s < workerData.sets.length; s++) for (const graph of workerData.sets[s]) times[s].push(await time(graph));
         parentPort.postMessage({ round: times });
       }
       parentPort.postMessage({ done: true });
     })().catch((e) => parentPort.postMessage({ error: String(e) }));`,
    {
      eval: true,
      workerData: {
        elk: require.resolve('elkjs/lib/elk.bundled.js'),
        rounds,
        first: shapes.map((shape) => shape.graph(GRAPH_LAYOUT_OPTIONS)),
        sets: Object.values(CANDIDATES).map((layoutOptions) => shapes.map((shape) => shape.graph(layoutOptions))),
      },
    },
  );
  const result = { first: undefined, rounds: [], error: undefined };
  return new Promise((resolve) => {
    const finish = (error) => {
      clearTimeout(timer);
      void worker.terminate();
      if (error) result.error = error;
      resolve(result);
    };
    const timer = setTimeout(() => finish(`stopped after ${options.timeout} s`), options.timeout * 1000);
    worker.on('message', (message) => {
      if (message.first) result.first = message.first;
      else if (message.round) result.rounds.push(message.round);
      else finish(message.error);
    });
  });
}

const seconds = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { matrix: wire, nodes, expected } = syntheticMatrix(5000);
// The layouts read nodes as objects, as the webview holds them.
const matrix = { ...wire, nodes };
const shapes = [namespaceGraph(matrix, expected), ...options.nodes.map((n) => workloadGraph(matrix, expected, n, Math.round(n * 2.5)))];
const result = await timeAll(shapes, options.rounds);
console.log(`| options | ${shapes.map((s) => s.size).join(' | ')} |`);
console.log(`| --- | ${shapes.map(() => '---').join(' | ')} |`);
console.log(`| server/src/graph-layout.ts, first layout (cold) | ${shapes.map((_, i) => seconds(result.first?.[i])).join(' | ')} |`);
Object.keys(CANDIDATES).forEach((name, set) => {
  const cells = shapes.map((_, i) => (result.rounds.length ? seconds(median(result.rounds.map((round) => round[set][i]))) : '-'));
  console.log(`| ${name}, warm (median of ${result.rounds.length}) | ${cells.join(' | ')} |`);
});
if (result.error) console.log(`\n${result.error}`);
