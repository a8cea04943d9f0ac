/**
 * No single step of the reachability matrix path (the index, the engine's build, the
 * matrix view) does more than a bounded amount of work, counted, never timed: the
 * server runs these steps in 8 ms slices, and one step that grows with the workspace
 * (a sort of every workload, a location for every node) holds up every keystroke.
 *
 * The bound is one matrix row (a unit per node) plus a batch of UNITS_PER_STEP; the
 * view's own calls (locating a node, summarising a cell) are counted by the callbacks
 * the test passes, independently of the counters in the engine's loops.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runToEnd, sortSteps, stepWork, UNITS_PER_STEP, type Steps } from '../../server/src/core/steps';
import { cellStatus, matrixViewSteps, type LocateSource } from '../../server/src/workspace/reach-view';
import { Workspace } from '../../server/src/workspace/workspace';
import type { ConnectionSet } from '../../server/src/ir/connection-set';
import type { MatrixCell } from '../../server/src/protocol';
import { manyWorkloads } from '../support/many-workloads';

interface StepCounts {
  steps: number;
  total: number;
  maxUnits: number;
  maxCalls: number;
}

/** Runs steps to the end, counting the units and the callback calls of each step. */
function countSteps<T>(steps: Steps<T>, calls: { count: number }): { value: T; counts: StepCounts } {
  const counts: StepCounts = { steps: 0, total: 0, maxUnits: 0, maxCalls: 0 };
  for (;;) {
    stepWork.units = 0;
    calls.count = 0;
    const step = steps.next();
    counts.steps++;
    counts.total += stepWork.units;
    counts.maxUnits = Math.max(counts.maxUnits, stepWork.units);
    counts.maxCalls = Math.max(counts.maxCalls, calls.count);
    if (step.done) return { value: step.value, counts };
  }
}

describe('work per step of the matrix path', () => {
  const ws = new Workspace();
  for (const file of manyWorkloads(30, 50)) ws.setFile(`file:///ws/${file.name}`, file.text);
  const calls = { count: 0 };
  const engine = countSteps(ws.reachSteps(), calls);
  const nodes = engine.value.nodes.length;
  const bound = nodes + 2 * UNITS_PER_STEP;

  test('the workspace is large enough for the bound to matter', () => {
    assert.ok(nodes > 1_500, `${nodes} nodes`);
    assert.ok(engine.counts.total > 200 * bound, `the whole build is ${engine.counts.total} units`);
  });

  test('building the index and the engine: no step does more than a row and a batch', () => {
    assert.ok(engine.counts.maxUnits <= bound, `a step of the engine's build did ${engine.counts.maxUnits} units (bound ${bound})`);
  });

  test('the matrix view: no step locates or summarises more than a batch, or does more than a row and a batch', () => {
    const locate: LocateSource = (source) => {
      calls.count++;
      return { uri: source.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    };
    const cellOf = (set: ConnectionSet): MatrixCell => {
      calls.count++;
      return { status: cellStatus(set), connections: '' };
    };
    const view = countSteps(matrixViewSteps(engine.value, { version: ws.version, indexing: false }, locate, {}, cellOf), calls);
    assert.equal(view.value.nodes.ids.length, nodes);
    assert.ok(view.counts.maxCalls <= UNITS_PER_STEP, `a step of the view made ${view.counts.maxCalls} calls to locate or summarise`);
    assert.ok(view.counts.maxUnits <= bound, `a step of the view did ${view.counts.maxUnits} units (bound ${bound})`);
    assert.ok(view.counts.steps > nodes, `${view.counts.steps} steps for ${nodes} rows`);
  });
});

describe('sortSteps', () => {
  test('sorts as a stable Array.prototype.sort does, for every length up to 300', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let length = 0; length <= 300; length++) {
      const items = Array.from({ length }, (_, i) => ({ key: Math.floor(random() * 20), i }));
      const compare = (a: { key: number }, b: { key: number }): number => a.key - b.key;
      const sorted = runToEnd(sortSteps(items, compare));
      assert.deepEqual(sorted, [...items].sort(compare));
    }
  });
});
