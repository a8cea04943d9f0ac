/**
 * The why-trace's "did you mean": when no rule of the policies isolating one end
 * matches the other end, a pod peer that would match it but for one mistyped label
 * (`access: ful` against a pod labelled access=full) is the likeliest reason, and
 * naming it saves reading every selector against every label.
 */
import { fromRequirements, type Requirement } from '../model/selectors';
import { editDistance } from '../core/text/edit-distance';
import type { ReachModel } from './reach-model';
import type { WorkloadNode } from './reach-nodes';
import type { CompiledPeer, CompiledPolicy } from './types';

export function nearMiss(model: ReachModel, policies: readonly CompiledPolicy[], direction: 'ingress' | 'egress', other: WorkloadNode): string | undefined {
  for (const policy of policies) {
    for (const rule of policy[direction] ?? []) {
      for (const peer of rule.peers ?? []) {
        const fix = peer.kind === 'pods' ? typoFix(model, policy, peer, other) : undefined;
        if (fix) return `${direction} rule ${rule.index + 1} of ${policy.ref.id} asks for ${fix.written}; did you mean ${fix.meant} (${other.id})?`;
      }
    }
  }
  return undefined;
}

function typoFix(model: ReachModel, policy: CompiledPolicy, peer: Extract<CompiledPeer, { kind: 'pods' }>, other: WorkloadNode): { written: string; meant: string } | undefined {
  const requirements = peer.podSelector?.requirements ?? [];
  for (const [i, requirement] of requirements.entries()) {
    if (requirement.operator !== 'In' || requirement.values.length !== 1) continue;
    const written = `${requirement.key}=${requirement.values[0]}`;
    // About one typo per four characters, as the workspace's did-you-mean allows.
    const limit = Math.max(1, Math.floor(written.length / 4));
    for (const [key, value] of other.workload.labels.labels) {
      const distance = editDistance(written, `${key}=${value}`);
      if (distance === 0 || distance > limit) continue;
      const corrected: Requirement[] = requirements.map((r, j) => (j === i ? { key, operator: 'In', values: [value] } : r));
      if (model.peerMatches(policy, { ...peer, podSelector: fromRequirements(corrected) }, other.cell)) return { written, meant: `${key}=${value}` };
    }
  }
  return undefined;
}
