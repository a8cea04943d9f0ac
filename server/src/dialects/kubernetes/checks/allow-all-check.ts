/**
 * Policies that do not do what their shape suggests:
 * - an empty podSelector with an allow-everything rule opens that direction for every
 *   pod in the namespace, cancelling every other policy's restriction there (a warning
 *   when the file has such a restriction, otherwise information);
 * - a policy that allows everything in every direction it isolates restricts nothing;
 * - a podSelector whose requirements contradict each other selects no pod at all.
 */
import { memoByObject } from '../../../model/memo';
import type { Direction, NetworkPolicy, PolicyRule } from '../../../model/types';
import { affects, effectivePolicyTypes } from '../policy-defaults';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { hasSyntaxErrors } from './document-state';
import { dataAt, pathToSpan } from '../../../analysis/checks/finding-data';
import { nodeSpan } from '../../../core/parse/node-spans';
import { isEmptySelector } from './selector-match';

export const allowAllCheck: PolicyCheck = {
  id: 'allow-all',
  crossDocument: true,
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    if (hasSyntaxErrors(policy, context)) return [];
    const shape = shapeOf(policy);
    if (shape.kind === 'alone') return shape.findings;
    return shape.rules.map((rule) => allowAllFinding(policy, rule, context));
  },
};

/**
 * What the check finds from the policy alone, kept per policy object (a policy of
 * an unchanged document is the same object after an edit, its spans moved with it):
 * either final findings, or the allow-everything rules of a policy with an empty
 * podSelector, whose finding also depends on the file's other policies.
 */
const shapeOf = memoByObject((policy: NetworkPolicy): { kind: 'alone'; findings: Finding[] } | { kind: 'namespace-wide'; rules: PolicyRule[] } => {
  const contradiction = contradictionFinding(policy);
  if (contradiction) return { kind: 'alone', findings: [contradiction] };
  const types = effectivePolicyTypes(policy);
  const open = types.map((t) => (t === 'Ingress' ? 'ingress' : 'egress') as Direction).map((d) => allowAllRule(policy, d));
  const selector = policy.spec.podSelector;
  if (!selector || isEmptySelector(selector)) return { kind: 'namespace-wide', rules: open.filter((rule): rule is PolicyRule => rule !== undefined) };
  if (open.length > 0 && open.every((rule) => rule)) return { kind: 'alone', findings: [noOpFinding(policy, 'it allows all traffic in every direction it isolates, so it restricts nothing and only overrides other policies for these pods')] };
  return { kind: 'alone', findings: [] };
});

/** A rule with no peers and no ports (or empty lists) matches all traffic of its direction. */
function allowAllRule(policy: NetworkPolicy, direction: Direction): PolicyRule | undefined {
  const isEmpty = (list: PolicyRule['peers'] | PolicyRule['ports']): boolean => !list || list.node.kind !== 'seq' || list.node.items.length === 0;
  return policy.spec[direction]?.items.find((rule) => isEmpty(rule.peers) && isEmpty(rule.ports));
}

function allowAllFinding(policy: NetworkPolicy, rule: PolicyRule, context: CheckContext): Finding {
  const type = rule.direction === 'ingress' ? 'Ingress' : 'Egress';
  const namespace = policy.metadata.namespace?.value;
  const cancelled = context.policies.some((p) => p !== policy && p.metadata.namespace?.value === namespace && affects(p, type) && !allowAllRule(p, rule.direction));
  const where = namespace ? `namespace "${namespace}"` : 'its namespace';
  const traffic = rule.direction === 'ingress' ? 'all ingress to' : 'all egress from';
  const message = `This rule allows ${traffic} every pod in ${where} (empty podSelector, no ${rule.direction === 'ingress' ? 'from' : 'to'}, no ports), which cancels every ${rule.direction} restriction of other policies there.${cancelled ? ' Another policy in this file restricts it; narrow this rule or the podSelector.' : ''}`;
  const path = pathToSpan(policy.ref.node, rule.node.span) ?? ['spec', rule.direction];
  const span = rule.node.kind === 'map' ? nodeSpan(rule.node) : policy.spec[rule.direction]!.keySpan;
  return finding('netpol/allow-all', cancelled ? 'warning' : 'information', message, span, { data: dataAt(policy.ref, path) });
}

function noOpFinding(policy: NetworkPolicy, reason: string): Finding {
  const anchor = policy.spec.podSelector?.keySpan ?? policy.metadata.name?.span ?? policy.ref.node.span;
  const message = `This policy has no effect: ${reason}.`;
  return finding('netpol/no-op-policy', 'warning', message, anchor, { data: dataAt(policy.ref, ['spec']) });
}

/** Requirements on one key that no set of labels can meet together. */
function contradictionFinding(policy: NetworkPolicy): Finding | undefined {
  const selector = policy.spec.podSelector;
  if (!selector) return undefined;
  const labels = new Map(selector.matchLabels.map((l) => [l.key.value, l.value.value]));
  for (const r of selector.matchExpressions) {
    const key = r.key?.value;
    if (key === undefined) continue;
    const values = r.values.map((v) => v.value);
    const label = labels.get(key);
    const requiresKey = label !== undefined || selector.matchExpressions.some((o) => o.key?.value === key && (o.operator?.value === 'Exists' || o.operator?.value === 'In'));
    const clash =
      (r.operator?.value === 'DoesNotExist' && requiresKey) ||
      (label !== undefined && r.operator?.value === 'NotIn' && values.includes(label)) ||
      (label !== undefined && r.operator?.value === 'In' && values.length > 0 && !values.includes(label));
    if (clash) return noOpFinding(policy, `its podSelector can never match a pod, because its requirements on label "${key}" contradict each other`);
  }
  return undefined;
}
