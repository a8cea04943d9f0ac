/**
 * netpolLens/portMatrix: the panel's matrix seen through a port filter. Nodes,
 * groups and skipped policies are the plain matrix's; each cell is projected onto
 * the filtered connections, once per distinct connection set.
 */
import type { ReachEngine } from '../evaluate/reach-engine';
import type { PortFilterDto, ReachabilityMatrixResult } from '../protocol';
import { filterConnections, projectedCell } from './port-filter';
import { runToEnd, type Steps } from '../core/steps';
import { matrixViewSteps, type LocateSource } from './reach-view';

export function portMatrixView(engine: ReachEngine, state: { version: number; indexing: boolean }, locate: LocateSource, filter: PortFilterDto): ReachabilityMatrixResult {
  return runToEnd(portMatrixViewSteps(engine, state, locate, filter));
}

export function portMatrixViewSteps(engine: ReachEngine, state: { version: number; indexing: boolean }, locate: LocateSource, filter: PortFilterDto): Steps<ReachabilityMatrixResult> {
  const wanted = filterConnections(filter);
  return matrixViewSteps(engine, state, locate, {}, (set) => projectedCell(set, wanted));
}
