/**
 * The matrix view's cells, however it gets them (row templates per source class, merged
 * into runs of palette indexes after a template's first row), are exactly the cells read
 * one by one from the engine: the same palette, in the order cells first appear row by
 * row, and the same runs. Several rows per class, bare Pods and Deployments (whose
 * diagonal cells differ) and external ranges.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { ReachNode, WorkloadNode } from '../../server/src/evaluate/reach-engine';
import { selfNote, selfPairOf } from '../../server/src/evaluate/self-traffic';
import { formatConnections, type ConnectionSet } from '../../server/src/ir/connection-set';
import type { MatrixCell } from '../../server/src/protocol';
import { CellRuns } from '../../server/src/workspace/matrix-runs';
import { cellStatus, matrixView, type LocateSource } from '../../server/src/workspace/reach-view';
import { Workspace } from '../../server/src/workspace/workspace';
import * as path from 'node:path';
import { fixture, PROJECT_ROOT } from '../support/paths';
import { nodeIds } from '../support/matrix-cells';

const locate: LocateSource = (source) => ({ uri: source.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

function plain(set: ConnectionSet): MatrixCell {
  return { status: cellStatus(set), connections: formatConnections(set) };
}

type Generator = (options: { namespaces: number; workloads: number; policies: number; shape: string }) => { files: Map<string, string> };

test('the matrix view has the cells read one by one from the engine, palette order included', async () => {
  const { generateWorkspace } = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'reach', 'generate.mjs')).href)) as { generateWorkspace: Generator };
  const ws = new Workspace();
  for (const [uri, text] of generateWorkspace({ namespaces: 2, workloads: 240, policies: 60, shape: 'standard' }).files) ws.setFile(uri, text);
  const selfTraffic = fixture('reach', 'self-traffic', 'manifests.yaml');
  ws.setFile(pathToFileURL(selfTraffic).toString(), fs.readFileSync(selfTraffic, 'utf8'));
  const engine = ws.reach();
  const view = matrixView(engine, { version: ws.version, indexing: false }, locate);

  const byId = new Map<string, ReachNode>(engine.nodes.map((node) => [node.id, node]));
  const ordered = nodeIds(view).map((id) => byId.get(id)!);
  const classes = new Set(ordered.map((node) => node.cell));
  assert.ok(classes.size < ordered.length - 10, `rows share source classes, so templates are reused: ${classes.size} classes, ${ordered.length} rows`);
  assert.ok(ordered.some((node) => node.kind === 'external'));

  const palette: MatrixCell[] = [];
  const keys = new Map<string, number>();
  const runs = new CellRuns();
  for (const src of ordered) {
    for (const dst of ordered) {
      const cell = src === dst && src.kind === 'workload' ? { ...plain(engine.selfConnections(src as WorkloadNode)), note: selfNote(selfPairOf(src as WorkloadNode)) } : plain(engine.connectionSet(engine.cellId(src, dst)));
      const key = JSON.stringify(cell);
      let index = keys.get(key);
      if (index === undefined) {
        index = palette.length;
        palette.push(cell);
        keys.set(key, index);
      }
      runs.push(index);
    }
  }
  assert.ok(palette.length >= 4, `only ${palette.length} distinct cells: too few to tell orders apart`);
  assert.deepEqual(view.palette, palette);
  assert.deepEqual(view.cellRuns, runs.runs);
});
