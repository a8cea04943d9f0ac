// Reachability benchmark: prints index time, full reachability time, the time of
// an incremental update after editing one policy, and peak memory, for a
// generated workspace of 2,000 workloads and 1,000 policies in 50 namespaces.
// Numbers only: nothing here asserts a time. Run after `tsc -b` (it loads out/).
//
//   node bench/reach/bench.mjs [--workloads N] [--policies N] [--namespaces N]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { generateWorkspace } from './generate.mjs';

const require = createRequire(import.meta.url);
const { Workspace } = require('../../out/server/src/workspace/workspace.js');

const options = { namespaces: 50, workloads: 2000, policies: 1000 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (key in options) options[key] = Number(process.argv[i + 1]);
}

/** Wall time, plus this process's CPU time: on a busy machine the second is the steadier number. */
function time(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

const generated = generateWorkspace(options);
const ws = new Workspace();
const index = time(() => {
  for (const [uri, text] of generated.files) ws.setFile(uri, text);
  return ws.index;
});
const full = time(() => ws.reach());
const engine = full.value;

// Edit one policy's port, as a keystroke would: the file is re-read, the engine updated.
const uri = 'file:///bench/ns-07/policies.yaml';
const original = generated.files.get(uri);
const edits = [];
const parses = [];
for (let i = 0; i < 15; i++) {
  const text = original.replace('ports: [{port: 5432}, {port: 6379}]', `ports: [{port: 5432}, {port: ${6000 + i}}]`);
  const parse = time(() => ws.setFile(uri, text));
  const update = time(() => ws.reach());
  if (ws.lastReachUpdate !== 'incremental') throw new Error(`expected an incremental update, got ${ws.lastReachUpdate}`);
  parses.push(parse.ms);
  edits.push(update.ms);
}

const listing = time(() => {
  let pairs = 0;
  for (const _ of engine.allowedPairs()) pairs++;
  return pairs;
});

const nodes = engine.nodes;
const externals = nodes.filter((n) => n.kind === 'external').length;
const classes = new Set(nodes.filter((n) => n.kind === 'workload').map((n) => n.cell)).size;
const memory = process.resourceUsage().maxRSS / 1024;

console.log(`workspace: ${generated.workloads} workloads, ${generated.policies} policies, ${generated.namespaces} namespaces, ${generated.files.size} files`);
console.log(`  pod classes (distinct namespace + labels + ports): ${classes}; external ranges: ${externals}; skipped policies: ${engine.skippedPolicies.length}`);
console.log(`index time (parse + model + index):          ${fmt(index.ms)} (CPU ${fmt(index.cpuMs)})`);
console.log(`full reachability time:                      ${fmt(full.ms)} (CPU ${fmt(full.cpuMs)})`);
console.log(`incremental update after editing one policy: ${fmt(median(edits))} median of ${edits.length} (min ${fmt(Math.min(...edits))}, max ${fmt(Math.max(...edits))})`);
console.log(`  re-reading the edited file (20 policies):   ${fmt(median(parses))} median`);
console.log(`listing every allowed pair:                  ${fmt(listing.ms)} (${listing.value} pairs)`);
console.log(`peak memory (max RSS):                       ${memory.toFixed(0)} MiB`);
