/**
 * The server's matrix in the compact form the webview receives: each distinct
 * cell once in a palette, and one small number per cell. A workspace of 500
 * workloads has a quarter of a million cells but only a handful of distinct ones.
 */
import type { MatrixCell, PortFilterDto, ReachabilityMatrixResult } from '../../../server/src/protocol';
import type { PanelMatrix } from '../webview-protocol';

export function compactMatrix(result: ReachabilityMatrixResult, ports: PortFilterDto | undefined): PanelMatrix {
  const palette: MatrixCell[] = [];
  const index = new Map<string, number>();
  const cells: number[] = [];
  for (const row of result.cells) {
    for (const cell of row) {
      const key = `${cell.status}|${cell.connections}`;
      let i = index.get(key);
      if (i === undefined) {
        i = palette.length;
        palette.push({ status: cell.status, connections: cell.connections });
        index.set(key, i);
      }
      cells.push(i);
    }
  }
  return {
    version: result.version,
    indexing: result.indexing,
    nodes: result.nodes,
    groups: result.groups,
    palette,
    cells,
    skippedPolicies: result.skippedPolicies,
    ...(ports && { ports }),
  };
}
