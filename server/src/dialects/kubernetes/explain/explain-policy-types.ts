/**
 * Hovers on `policyTypes` and its items: which directions the policy isolates,
 * and what Kubernetes assumes when the field is left out.
 */
import { isSeq } from '../../../core/parse/yaml-tree';
import type { Field, NetworkPolicy, PolicyType } from '../../../model/types';
import { effectivePolicyTypes } from '../policy-defaults';
import { bullets, code, paragraphs } from '../../../analysis/explain/markdown';

const DEFAULTS = 'Without `policyTypes`, Kubernetes uses `Ingress`, plus `Egress` only when the policy has at least one `egress` rule; writing it out is how you make a policy deny all egress.';

export function explainPolicyTypes(policy: NetworkPolicy, item: number | undefined): string {
  if (item !== undefined) return explainType(policy, itemAt(policy, item));
  const types = effectivePolicyTypes(policy);
  const list = types.length === 0 ? '(none that is valid)' : types.map(code).join(', ');
  return paragraphs([`**\`policyTypes\`**: the directions this policy isolates: ${list}.`, bullets(types.map((t) => `**${t}**: ${typeLine(policy, t)}`)), DEFAULTS]);
}

/** The policyTypes item at a YAML index; undefined when that item is not a scalar. */
function itemAt(policy: NetworkPolicy, index: number): Field<string> | undefined {
  const written = policy.spec.policyTypes;
  const node = isSeq(written?.node) ? written.node.items[index] : undefined;
  return written?.items.find((field) => field.span.start === node?.span.start);
}

function explainType(policy: NetworkPolicy, field: Field<string> | undefined): string {
  const value = field?.value;
  if (value !== 'Ingress' && value !== 'Egress') {
    const near = value?.toLowerCase() === 'ingress' ? 'Ingress' : value?.toLowerCase() === 'egress' ? 'Egress' : undefined;
    const hint = near ? ` You probably mean ${code(near)}.` : '';
    return `**${code(value ?? '(empty)')} is not a policy type.** Write exactly \`Ingress\` or \`Egress\` (case matters); the API server rejects other values.${hint}`;
  }
  return paragraphs([`**${code(value)}**: ${typeLine(policy, value)}`, DEFAULTS]);
}

function typeLine(policy: NetworkPolicy, type: PolicyType): string {
  const rules = policy.spec[type === 'Ingress' ? 'ingress' : 'egress']?.items.length ?? 0;
  if (type === 'Ingress') {
    const allowed = rules === 0 ? 'This policy has no ingress rules, so on its own it lets nothing in (default deny ingress).' : `This policy allows what its ${rules === 1 ? 'ingress rule allows' : `${rules} ingress rules allow`}.`;
    return `the selected pods accept only the incoming connections some policy allows. ${allowed}`;
  }
  const allowed = rules === 0 ? 'This policy has no egress rules, so on its own it lets nothing out (default deny egress).' : `This policy allows what its ${rules === 1 ? 'egress rule allows' : `${rules} egress rules allow`}.`;
  return `as soon as any policy selects a pod for Egress, only what some policy allows leaves it. ${allowed}`;
}
