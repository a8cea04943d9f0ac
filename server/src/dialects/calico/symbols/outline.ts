/** The outline of a Calico policy: its name, its ordered rules, and each rule's source and destination. */
import { firstKey, type SymbolHooks, type SymbolNode } from '../../../analysis/symbols/symbol-hooks';
import { DEFAULT_NAMESPACE } from '../../../model/workloads';
import type { CalicoPolicy, CalicoRule } from '../model/types';
import { calicoRuleLabel, entityLabel } from './calico-labels';

/** `namespace/name`; a GlobalNetworkPolicy has no namespace and is `name`. */
function calicoPolicyName(policy: CalicoPolicy): string {
  const name = policy.metadata.name?.value ?? '(unnamed)';
  return policy.kind === 'GlobalNetworkPolicy' ? name : `${policy.metadata.namespace?.value || DEFAULT_NAMESPACE}/${name}`;
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

export const calicoSymbols: SymbolHooks<CalicoPolicy> = {
  outline: calicoPolicySymbol,
  workspaceEntry: (policy) => ({ name: calicoPolicyName(policy), container: `Calico ${policy.kind}` }),
};
