/**
 * netpolLens/portMatrix: the panel's matrix seen through a port filter. Nodes,
 * groups and skipped policies are the plain matrix's; each cell is projected onto
 * the filtered connections, once per distinct connection set.
 */
import { NO_CONNECTIONS } from '../analysis/reach/connection-set';
import { NONE } from '../analysis/reach/connection-table';
import type { ReachEngine } from '../analysis/reach/reach-engine';
import type { MatrixCell, PortFilterDto, ReachabilityMatrixResult } from '../protocol';
import { filterConnections, projectedCell } from './port-filter';
import { matrixView, type LocateSource } from './reach-view';

export function portMatrixView(engine: ReachEngine, state: { version: number; indexing: boolean }, locate: LocateSource, filter: PortFilterDto): ReachabilityMatrixResult {
  const plain = matrixView(engine, state, locate);
  const wanted = filterConnections(filter);
  // Cells share a few distinct sets: project each set once.
  const byId = new Map<number, MatrixCell>();
  const nodes = plain.nodes.map((n) => engine.node(n.id));
  const cells = nodes.map((src) =>
    nodes.map((dst): MatrixCell => {
      const id = src && dst ? engine.connectionId(src, dst) : NONE;
      let cell = byId.get(id);
      if (!cell) {
        cell = projectedCell(src && dst ? engine.connections(src, dst) : NO_CONNECTIONS, wanted);
        byId.set(id, cell);
      }
      return cell;
    }),
  );
  return { ...plain, cells };
}
