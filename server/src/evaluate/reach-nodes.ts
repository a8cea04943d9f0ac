/** The nodes of the reachability matrix: workloads (by pod class) and external address ranges. */
import type { IpRange } from '../ir/ip-range';
import type { ReachWorkload } from './types';

export interface WorkloadNode {
  readonly kind: 'workload';
  /** `namespace/name[Kind]`. */
  readonly id: string;
  readonly namespace: string;
  readonly workload: ReachWorkload;
  /** Row/column in the matrix (its pod class). */
  readonly cell: number;
}

export interface ExternalNode {
  readonly kind: 'external';
  /** `first-last[External]`. */
  readonly id: string;
  readonly range: IpRange;
  readonly cell: number;
}

export type ReachNode = WorkloadNode | ExternalNode;
