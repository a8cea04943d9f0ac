/**
 * The server's matrix in the form the webview receives: the server's palette, and
 * one small number per cell, expanded from the runs it was sent in
 * (server/src/workspace/matrix-runs.ts). A malformed answer becomes an empty matrix
 * (with the reason) rather than a grid that does not match its nodes.
 */
import type { PortFilterDto, ReachabilityMatrixResult } from '../../../server/src/protocol';
import { expandRuns } from '../../../server/src/workspace/matrix-runs';
import type { PanelMatrix } from '../webview-protocol';

export function compactMatrix(result: ReachabilityMatrixResult, ports: PortFilterDto | undefined): PanelMatrix {
  const n = result.nodes.length;
  const cells = expandRuns(result.cellRuns, n * n, result.palette.length);
  if (!cells) throw new Error(`The server's matrix does not hold ${n} × ${n} cells of its palette.`);
  return {
    version: result.version,
    indexing: result.indexing,
    nodes: result.nodes,
    groups: result.groups,
    palette: result.palette,
    cells,
    skippedPolicies: result.skippedPolicies,
    ...(ports && { ports }),
  };
}
