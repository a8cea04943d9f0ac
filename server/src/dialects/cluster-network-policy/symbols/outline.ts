/** The outline of a cluster-wide policy: its name with tier and priority, its rules in order with their action, and their peers. */
import type { SymbolHooks, SymbolNode } from '../../../analysis/symbols/symbol-hooks';
import type { ClusterPolicy, ClusterRule } from '../model/types';
import { tierOf } from '../model/tier';
import { selectionText } from '../explain/explain-policy';

function policySymbol(policy: ClusterPolicy): SymbolNode {
  const rules = [...(policy.spec?.ingress?.items ?? []), ...(policy.spec?.egress?.items ?? [])];
  const priority = policy.spec?.priority ? ` · priority ${policy.spec.priority.value}` : '';
  return {
    name: policy.metadata.name?.value ?? '(unnamed)',
    detail: `${policy.kind} · ${tierOf(policy)}${priority}`,
    role: 'policy',
    span: policy.ref.node.span,
    selection: policy.metadata.name?.span ?? policy.ref.kind?.span ?? policy.ref.node.span,
    children: rules.map(ruleSymbol),
  };
}

function ruleSymbol(rule: ClusterRule): SymbolNode {
  const word = rule.direction === 'ingress' ? 'from' : 'to';
  const peers = (rule.peers?.items ?? []).map((peer) => ({ name: `${word} ${selectionText(peer).replace(/`/g, '')}`, role: 'peer' as const, span: peer.span, selection: peer.keys[0]?.span ?? peer.span, children: [] }));
  const name = `${rule.direction} ${rule.index + 1}: ${rule.action?.value ?? '?'}${rule.name ? ` "${rule.name.value}"` : ''}`;
  return { name, role: 'rule', span: rule.span, selection: rule.keys[0]?.span ?? rule.span, children: peers };
}

export const clusterSymbols: SymbolHooks<ClusterPolicy> = {
  outline: policySymbol,
  workspaceEntry: (policy) => ({ name: policy.metadata.name?.value ?? '(unnamed)', container: `${policy.kind} (${tierOf(policy)})` }),
};
