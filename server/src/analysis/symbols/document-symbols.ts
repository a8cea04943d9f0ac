/**
 * The outline of a file: each policy as `namespace/name`, its rules as children
 * and each rule's peers under it, labelled in words. Pure; the symbols service
 * turns the spans into ranges.
 */
import type { CalicoPolicy, CalicoRule } from '../../dialects/calico/model/types';
import type { NetworkPolicy, PolicyRule } from '../../model/types';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import type { Span, YNode } from '../../core/parse/yaml-tree';
import type { FileAnalysis } from '../analyze-file';
import { effectivePolicyTypes } from '../../dialects/kubernetes/policy-defaults';
import { calicoRuleLabel, entityLabel } from '../../dialects/calico/symbols/calico-labels';
import { peerLabel, podsText, ruleLabel } from '../../dialects/kubernetes/symbols/rule-labels';

export type SymbolRole = 'policy' | 'rule' | 'peer';

export interface SymbolNode {
  readonly name: string;
  readonly detail?: string;
  readonly role: SymbolRole;
  /** The whole thing. */
  readonly span: Span;
  /** What to reveal when the symbol is picked (its name, or its first key); inside `span`. */
  readonly selection: Span;
  readonly children: readonly SymbolNode[];
}

export function documentSymbols(analysis: FileAnalysis): SymbolNode[] {
  if (!analysis.relevant) return [];
  const nodes = [...analysis.policies.map(policySymbol), ...analysis.calicoPolicies.map(calicoPolicySymbol)];
  return nodes.sort((a, b) => a.span.start - b.span.start);
}

/** `namespace/name`, as kubectl and the reachability engine name policies. */
export function policyName(policy: NetworkPolicy): string {
  return `${policy.metadata.namespace?.value || DEFAULT_NAMESPACE}/${policy.metadata.name?.value ?? '(unnamed)'}`;
}

export function calicoPolicyName(policy: CalicoPolicy): string {
  const name = policy.metadata.name?.value ?? '(unnamed)';
  return policy.kind === 'GlobalNetworkPolicy' ? name : `${policy.metadata.namespace?.value || DEFAULT_NAMESPACE}/${name}`;
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

function calicoPolicySymbol(policy: CalicoPolicy): SymbolNode {
  const rules = [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])];
  const selects = policy.spec.selector?.text || 'all()';
  return {
    name: calicoPolicyName(policy),
    detail: `Calico ${policy.kind} · ${selects}`,
    role: 'policy',
    span: policy.ref.node.span,
    selection: policy.metadata.name?.span ?? policy.ref.kind?.span ?? policy.ref.node.span,
    children: rules.map(calicoRuleSymbol),
  };
}

function calicoRuleSymbol(rule: CalicoRule): SymbolNode {
  const ends = (['source', 'destination'] as const).flatMap((side) => {
    const entity = rule[side];
    if (!entity) return [];
    const span = { start: entity.keySpan.start, end: entity.span.end };
    return [{ name: `${side === 'source' ? 'from' : 'to'} ${entityLabel(entity, 'anywhere')}`, role: 'peer' as const, span, selection: entity.keySpan, children: [] }];
  });
  return { name: calicoRuleLabel(rule), role: 'rule', span: rule.span, selection: firstKey(rule.node) ?? rule.span, children: ends };
}

function firstKey(node: YNode): Span | undefined {
  return node.kind === 'map' && node.items.length > 0 ? node.items[0]!.key.span : undefined;
}
