/** Reads a cell of a reachability matrix answer, which carries its cells as runs of palette indexes. */
import type { MatrixCell, ReachabilityMatrixResult } from '../../server/src/protocol';
import { expandRuns } from '../../server/src/workspace/matrix-runs';

export function matrixCell(matrix: ReachabilityMatrixResult, src: string, dst: string): MatrixCell | undefined {
  const n = matrix.nodes.length;
  const row = matrix.nodes.findIndex((node) => node.id === src);
  const col = matrix.nodes.findIndex((node) => node.id === dst);
  const cells = expandRuns(matrix.cellRuns, n * n, matrix.palette.length);
  if (!cells) throw new Error(`malformed cellRuns for ${n} nodes and ${matrix.palette.length} palette entries`);
  return row < 0 || col < 0 ? undefined : matrix.palette[cells[row * n + col]!];
}
