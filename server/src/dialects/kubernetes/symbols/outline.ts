/** The outline of a NetworkPolicy: `namespace/name`, its rules, and each rule's peers. */
import { firstKey, type SymbolHooks, type SymbolNode } from '../../../analysis/symbols/symbol-hooks';
import type { NetworkPolicy, PolicyRule } from '../../../model/types';
import { DEFAULT_NAMESPACE } from '../../../model/workloads';
import { effectivePolicyTypes } from '../policy-defaults';
import { peerLabel, podsText, ruleLabel } from './rule-labels';

/** `namespace/name`, as kubectl and the reachability engine name policies. */
function policyName(policy: NetworkPolicy): string {
  return `${policy.metadata.namespace?.value || DEFAULT_NAMESPACE}/${policy.metadata.name?.value ?? '(unnamed)'}`;
}

function policySymbol(policy: NetworkPolicy): SymbolNode {
  const selects = policy.spec.podSelector ? podsText(policy.spec.podSelector) : 'all pods';
  const rules = [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])];
  return {
    name: policyName(policy),
    detail: `NetworkPolicy · ${selects} · ${effectivePolicyTypes(policy).join(', ')}`,
    role: 'policy',
    span: policy.ref.node.span,
    selection: policy.metadata.name?.span ?? policy.ref.kind?.span ?? policy.ref.node.span,
    children: rules.map(ruleSymbol),
  };
}

function ruleSymbol(rule: PolicyRule): SymbolNode {
  const peers = rule.peers?.items ?? [];
  return {
    name: ruleLabel(rule),
    role: 'rule',
    span: rule.span,
    selection: firstKey(rule.node) ?? rule.span,
    children: peers.map((peer) => ({ name: peerLabel(peer), role: 'peer', span: peer.span, selection: firstKey(peer.node) ?? peer.span, children: [] })),
  };
}

export const kubernetesSymbols: SymbolHooks<NetworkPolicy> = {
  outline: policySymbol,
  workspaceEntry: (policy) => ({ name: policyName(policy), container: 'NetworkPolicy' }),
};
