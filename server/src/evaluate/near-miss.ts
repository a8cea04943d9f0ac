/**
 * The why-trace's "did you mean": when no rule of the policies isolating one end
 * matches the other end, a pod peer that would match it but for one mistyped label
 * (`access: ful` against a pod labelled access=full) is the likeliest reason, and
 * naming it saves reading every selector against every label.
 */
import type { Policy } from '../ir/policy-ir';
import type { ReachModel } from './reach-model';
import type { WorkloadNode } from './reach-nodes';

export function nearMiss(model: ReachModel, policies: readonly Policy[], direction: 'ingress' | 'egress', other: WorkloadNode): string | undefined {
  for (const policy of policies) {
    for (const rule of policy[direction] ?? []) {
      for (const peer of rule.peers ?? []) {
        const match = peer.match;
        // Only a peer whose namespace part holds can be one label away.
        if (match.kind !== 'pods' || !match.pods?.typo) continue;
        const { pods, ...where } = match;
        if (!model.matchesNode(where, other.cell)) continue;
        // The workload's own labels: its class may stand for workloads whose other labels differ.
        const typo = pods.typo?.({ namespace: other.namespace, namespaceLabels: model.namespaceView(other.namespace).labels, labels: other.workload.labels, ...(other.workload.hostNetwork && { hostNetwork: true }) });
        if (typo) return `${direction} rule ${rule.index + 1} of ${policy.ref.id} asks for ${typo.written}; did you mean ${typo.meant} (${other.id})?`;
      }
    }
  }
  return undefined;
}
