/**
 * The server's matrix in the form the webview receives it: still compact, the
 * server's palette and runs of palette indexes (server/src/workspace/matrix-runs.ts),
 * the runs as a typed array, which VS Code carries to the webview as binary.
 * Expanding them here, one number per cell, made 61 MB of message at 5,000 workloads
 * and killed the extension host ("invalid size") at about 11,000. A malformed answer
 * is refused with the reason, rather than drawn as a grid that does not match its
 * nodes; the check reads the runs without expanding them.
 */
import type { PortFilterDto, ReachabilityMatrixResult } from '../../../server/src/protocol';
import { runsHold, type PanelMatrix } from '../webview-protocol';

const MAX_COUNT = 0xffffffff;

export function compactMatrix(result: ReachabilityMatrixResult, ports: PortFilterDto | undefined): PanelMatrix {
  const n = result.nodes.ids.length;
  if (!runsHold(result.cellRuns, n * n, result.palette.length)) throw new Error(`The server's matrix does not hold ${n} × ${n} cells of its palette.`);
  return {
    version: result.version,
    indexing: result.indexing,
    nodes: result.nodes,
    groups: result.groups,
    palette: result.palette,
    cellRuns: typedRuns(result.cellRuns),
    skippedPolicies: result.skippedPolicies,
    ...(ports && { ports }),
  };
}

/** The runs as 32-bit numbers; a run longer than a count can hold (past 65,535 workloads) becomes several. */
function typedRuns(runs: readonly number[]): Uint32Array {
  let long = 0;
  for (let i = 1; i < runs.length; i += 2) if (runs[i]! > MAX_COUNT) long += Math.ceil(runs[i]! / MAX_COUNT) - 1;
  if (long === 0) return Uint32Array.from(runs);
  const typed = new Uint32Array(runs.length + 2 * long);
  let k = 0;
  for (let i = 0; i < runs.length; i += 2) {
    for (let left = runs[i + 1]!; left > 0; left -= MAX_COUNT) {
      typed[k++] = runs[i]!;
      typed[k++] = Math.min(left, MAX_COUNT);
    }
  }
  return typed;
}
