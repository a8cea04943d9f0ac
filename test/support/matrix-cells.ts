/** Reads a cell of a reachability matrix answer, which carries its cells as runs of palette indexes. */
import { matrixNodes } from '../../server/src/matrix-node-table';
import type { MatrixCell, MatrixNode, ReachabilityMatrixResult } from '../../server/src/protocol';
import { expandRuns } from '../../server/src/workspace/matrix-runs';

/** The answer's nodes as objects; throws when its node table is malformed. */
export function nodesOf(matrix: Pick<ReachabilityMatrixResult, 'nodes' | 'groups'>): MatrixNode[] {
  const nodes = matrixNodes(matrix.nodes, matrix.groups);
  if (!nodes) throw new Error('malformed node table');
  return nodes;
}

/** The answer's node ids, in matrix order. */
export function nodeIds(matrix: Pick<ReachabilityMatrixResult, 'nodes' | 'groups'>): string[] {
  return nodesOf(matrix).map((node) => node.id);
}

export function matrixCell(matrix: ReachabilityMatrixResult, src: string, dst: string): MatrixCell | undefined {
  const n = matrix.nodes.ids.length;
  const ids = nodeIds(matrix);
  const row = ids.indexOf(src);
  const col = ids.indexOf(dst);
  const cells = expandRuns(matrix.cellRuns, n * n, matrix.palette.length);
  if (!cells) throw new Error(`malformed cellRuns for ${n} nodes and ${matrix.palette.length} palette entries`);
  return row < 0 || col < 0 ? undefined : matrix.palette[cells[row * n + col]!];
}
