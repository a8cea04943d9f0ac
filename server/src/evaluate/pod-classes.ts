/**
 * The engine's pods and nodes as the parts that compile and match rules see them.
 * ReachModel implements it; the parts that match endpoints and resolve named ports read
 * only this view, so they do not depend on the model that depends on them.
 */
import type { IpRange } from '../ir/ip-range';
import type { ReachNamespace, ReachWorkload } from './types';

export interface PodClass {
  readonly index: number;
  readonly namespace: string;
  readonly workload: ReachWorkload;
  /** Workload indices (into ReachModel.workloads) in this class. */
  readonly members: number[];
}

export interface PodClassView {
  readonly namespaces: ReadonlyMap<string, ReachNamespace>;
  readonly classes: readonly PodClass[];
  readonly classesByNamespace: ReadonlyMap<string, readonly number[]>;
  /** External address ranges; node `classCount + i` is atoms[i]. */
  readonly atoms: readonly IpRange[];
  readonly classCount: number;
  /** Pod classes first, then external ranges. */
  readonly nodeCount: number;
}
