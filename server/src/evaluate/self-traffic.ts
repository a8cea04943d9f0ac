/**
 * A workload and itself. Kubernetes never filters a pod's traffic to itself (loopback
 * and its own IP): no NetworkPolicy can block it. A workload is several pods, though,
 * so "W to W" also means one replica to another, which the policies decide as for
 * any two pods. A bare Pod is exactly one pod: for it, only the first meaning exists.
 * The connlist lists no self pairs (as np-guard's does); the why-trace and the
 * matrix diagonal say both things.
 */
import { ALL_CONNECTIONS, type ConnectionSet } from '../ir/connection-set';
import type { ReachMatrix } from './matrix';
import type { WorkloadNode } from './reach-nodes';

/** `one-pod`: a bare Pod, whose only self traffic is to itself; `replicas`: also between its pods. */
export type SelfPair = 'one-pod' | 'replicas';

export const SELF_ALWAYS = "A pod's traffic to itself (loopback and its own IP) is always allowed: no NetworkPolicy can block it.";

export function selfPairOf(node: WorkloadNode): SelfPair {
  return node.workload.kind === 'Pod' ? 'one-pod' : 'replicas';
}

/** What W may send to W: everything for a bare Pod, the policies' verdict between two of its pods otherwise. */
export function selfConnections(matrix: ReachMatrix, node: WorkloadNode): ConnectionSet {
  return selfPairOf(node) === 'one-pod' ? ALL_CONNECTIONS : matrix.table.get(matrix.cell(node.cell, node.cell));
}

/** The panel's note on a diagonal cell. */
export function selfNote(pair: SelfPair): string {
  return pair === 'one-pod' ? "a pod's traffic to itself is always allowed" : 'each pod always reaches itself; between two of its pods the policies decide';
}
