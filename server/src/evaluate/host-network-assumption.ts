/**
 * What a trace assumed about host-networked pods (`hostNetwork: true`). NetworkPolicy
 * leaves their behaviour undefined and plugins differ, so wherever one is at either end
 * of a pair, the trace says how it was taken (the cluster profile's `hostNetwork`).
 */
import type { ReachModel } from './reach-model';
import type { ReachNode, WorkloadNode } from './reach-nodes';

/** The sentences for one side of a pair: `subject` is the pod whose policies apply, `other` the far end. */
export function hostNetworkAssumption(model: ReachModel, direction: 'ingress' | 'egress', subject: WorkloadNode, other: ReachNode): string | undefined {
  const sentences: string[] = [];
  if (subject.workload.hostNetwork) sentences.push(model.hostNetworkAsNode ? `${subject.id} uses its node's network (hostNetwork), taken as node traffic as most plugins treat it: no policy selects it.` : asPod(subject));
  if (other.kind === 'workload' && other !== subject && other.workload.hostNetwork) {
    sentences.push(model.hostNetworkAsNode ? asNodePeer(model, direction, other) : asPod(other));
  }
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

function asPod(node: WorkloadNode): string {
  return `${node.id} uses its node's network (hostNetwork) and is treated as an ordinary pod with its labels (cluster profile: hostNetwork: pod); most plugins treat its traffic as its node's instead.`;
}

function asNodePeer(model: ReachModel, direction: 'ingress' | 'egress', other: WorkloadNode): string {
  const ranges =
    model.nodeCidrs.length > 0
      ? `an address range matches it when it covers a node range (${model.nodeCidrs.join(', ')}, cluster profile)`
      : 'no address range is known to hold it (set nodeCidrs in the cluster profile)';
  const local = direction === 'ingress' ? ' Most plugins also always let a node reach the pods on it, whatever the policies say.' : '';
  return `${other.id} uses its node's network (hostNetwork): its traffic carries its node's address, which pod and namespace selectors never match, and ${ranges}.${local}`;
}
