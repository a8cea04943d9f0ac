/**
 * Workspaces of generated objects for the reachability property tests: one JSON
 * file per object, so the order and grouping of files are easy to vary, and the
 * engine's allowed pairs as lines two engines can be compared by.
 */
import * as assert from 'node:assert/strict';
import { connectionKey } from '../../server/src/ir/connection-set';
import type { ReachEngine } from '../../server/src/evaluate/reach-engine';
import { Workspace } from '../../server/src/workspace/workspace';

export type Json = Record<string, unknown>;

/** Object `i` in file `obj<i>.json`, the files added in `order`. */
export function workspaceOf(objects: readonly Json[], order: readonly number[] = objects.map((_, i) => i)): Workspace {
  const ws = new Workspace();
  for (const i of order) setObject(ws, i, objects[i]!);
  return ws;
}

/** Replaces object `index`'s file, as saving an edit of it would. */
function setObject(ws: Workspace, index: number, object: Json): void {
  ws.setFile(`file:///w/obj${index}.json`, JSON.stringify(object));
}

export function connlist(engine: ReachEngine): string[] {
  return [...engine.allowedPairs()].map((p) => `${p.src.id} => ${p.dst.id} : ${connectionKey(p.connections)}`);
}

/**
 * The property both reachability suites check of the incremental engine: once
 * computed, replacing object `index` by `edited` gives the same allowed pairs as a
 * workspace built from scratch with the edit.
 */
export function assertIncrementalEdit(objects: readonly Json[], index: number, edited: Json): void {
  const ws = workspaceOf(objects);
  ws.reach();
  setObject(ws, index, edited);
  const fresh = workspaceOf(objects.map((o, i) => (i === index ? edited : o)));
  assert.deepEqual(connlist(ws.reach()), connlist(fresh.reach()));
}
