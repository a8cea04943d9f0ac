/**
 * Reachability computed in steps: an update may pause between any two steps while
 * files change, may be stopped, and is never seen half done. The runner that the
 * language server uses runs the steps in slices, starts over when the workspace
 * changes, and stops waiting for cancelled requests.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { connlistLines } from '../../server/src/evaluate/format-connlist';
import type { ReachEngine } from '../../server/src/evaluate/reach-engine';
import { ReachRunner } from '../../server/src/lsp/reach-runner';
import { Workspace } from '../../server/src/workspace/workspace';
import { manyWorkloads } from '../support/many-workloads';

const FILES = manyWorkloads(4, 6);
const POLICIES = `file:///ws/${FILES[1]!.name}`;
/** One port more in one policy: an edit that changes only policies (an incremental update). */
const EDITED = FILES[1]!.text.replace('ports: [{port: http}, {port: 8000, endPort: 8002}]', 'ports: [{port: http}, {port: 7000}, {port: 8000, endPort: 8002}]');
/** A new workload: an edit that changes the workspace's shape (a full build). */
const GROWN = `${FILES[0]!.text}---\n${FILES[0]!.text.split('---\n')[1]!.replace('name: app-0', 'name: extra')}`;

function workspace(changes: Record<string, string> = {}): Workspace {
  const ws = new Workspace();
  for (const file of FILES) ws.setFile(`file:///ws/${file.name}`, changes[file.name] ?? file.text);
  return ws;
}

function listing(engine: ReachEngine): string {
  return connlistLines(engine).join('\n');
}

const original = listing(workspace().reach());
const edited = listing(workspace({ [FILES[1]!.name]: EDITED }).reach());
const grown = listing(workspace({ [FILES[0]!.name]: GROWN }).reach());

function step(steps: Generator<void, ReachEngine, void>, count: number): void {
  for (let i = 0; i < count; i++) assert.equal(steps.next().done, false, 'the update ended sooner than the test needs');
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('the edits make a difference the listings show', () => {
  assert.notEqual(edited, original);
  assert.notEqual(grown, original);
});

test('a build paused while a file changes gives the engine of the files as they were, and the next update catches up', () => {
  const ws = workspace();
  const steps = ws.reachSteps();
  step(steps, 5);
  ws.setFile(POLICIES, EDITED);
  let result = steps.next();
  while (!result.done) result = steps.next();
  assert.equal(listing(result.value), original);
  assert.equal(ws.reachIsCurrent, false);
  assert.equal(listing(ws.reach()), edited);
  assert.equal(ws.lastReachUpdate, 'incremental');
});

test('an incremental update stopped halfway is dropped, never used half applied', () => {
  const ws = workspace();
  ws.reach();
  ws.setFile(POLICIES, EDITED);
  const steps = ws.reachSteps();
  step(steps, 3);
  steps.return(undefined as never);
  assert.equal(ws.reachIsCurrent, false);
  assert.equal(listing(ws.reach()), edited);
  assert.equal(ws.lastReachUpdate, 'full');
});

test('a synchronous reach() during paused steps stops them; they end without an engine', () => {
  const ws = workspace({ [FILES[0]!.name]: GROWN });
  const steps = ws.reachSteps();
  step(steps, 4);
  assert.equal(listing(ws.reach()), grown);
  const after = steps.next();
  assert.equal(after.done, true);
  assert.equal(after.value, undefined);
  assert.equal(ws.reachIsCurrent, true);
});

test('the runner starts over when the workspace changes between slices, so the answer has the change', async () => {
  const ws = workspace();
  const runner = new ReachRunner(ws, 0);
  const answer = runner.engine();
  await nextTick();
  ws.setFile(POLICIES, EDITED);
  assert.equal(listing(await answer), edited);
});

test('requests waiting together share one computation', async () => {
  const ws = workspace();
  const runner = new ReachRunner(ws, 0);
  const [a, b] = await Promise.all([runner.engine(), runner.engine()]);
  assert.ok(a === b);
  assert.equal(listing(a), original);
});

test('a cancelled request stops waiting, the computation stops with it, and the workspace stays sound', async () => {
  const ws = workspace();
  ws.reach();
  ws.setFile(`file:///ws/${FILES[0]!.name}`, GROWN);
  const runner = new ReachRunner(ws, 0);
  const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
  const answer = runner.engine(token);
  await nextTick();
  token.isCancellationRequested = true;
  await assert.rejects(answer, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  assert.equal(ws.reachIsCurrent, false);
  assert.equal(listing(await runner.engine()), grown);
});

test('an up-to-date engine is answered without computing', async () => {
  const ws = workspace();
  const engine = ws.reach();
  assert.ok((await new ReachRunner(ws, 0).engine()) === engine);
});
