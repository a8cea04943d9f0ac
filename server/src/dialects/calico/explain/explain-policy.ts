/**
 * Hovers on a Calico policy as a whole and on its policy-level fields: what it
 * applies to, its types, its rules in order, and where it sits in evaluation.
 */
import { effectiveNamespace, effectiveTier, effectiveTypes, typesAreDefaulted } from '../model/defaults';
import type { CalicoPolicy, RuleDirection } from '../model/types';
import { bullets, code, listAnd, paragraphs, plural } from '../../../analysis/explain/markdown';
import { orderParagraphs } from './order-words';
import { appliesToPhrase, ruleSentence } from './words';
import type { ExplainOptions } from '../../../analysis/explain/types';

function kindTitle(policy: CalicoPolicy): string {
  const name = policy.metadata.name?.value;
  const kind = policy.kind === 'GlobalNetworkPolicy' ? 'GlobalNetworkPolicy' : 'NetworkPolicy';
  return name === undefined ? `**Calico ${kind}** (no \`metadata.name\`)` : `**Calico ${kind} ${code(name)}** (\`projectcalico.org/v3\`)`;
}

export function explainCalicoPolicy(policy: CalicoPolicy, options: ExplainOptions): string {
  const types = effectiveTypes(policy);
  const directions = (['ingress', 'egress'] as const).filter((d) => types.includes(d === 'ingress' ? 'Ingress' : 'Egress'));
  return paragraphs([
    kindTitle(policy),
    `It applies to ${appliesToPhrase(policy)}, for ${directions.length === 0 ? 'no direction' : listAnd(directions)}.`,
    ...directions.map((d) => rulesSummary(policy, d)),
    orderParagraphs(policy, options),
  ]);
}

/** The rules of one direction as a numbered list, in the order Calico tries them. */
function rulesSummary(policy: CalicoPolicy, direction: RuleDirection): string {
  const rules = policy.spec[direction]?.items ?? [];
  const Direction = direction === 'ingress' ? 'Ingress' : 'Egress';
  if (rules.length === 0) {
    return `**${Direction}:** no rules. This policy decides nothing itself, but it makes its tier apply: ${direction} that no policy of the tier allows is denied at the end of the tier.`;
  }
  const list = rules.map((rule) => `${rule.index + 1}. ${ruleSentence(rule, policy)}`).join('\n');
  return `**${Direction}** (${plural(rules.length, 'rule')}, tried in order; the first that matches decides):\n\n${list}`;
}

export function explainCalicoNamespace(policy: CalicoPolicy): string {
  const namespace = effectiveNamespace(policy);
  if (namespace === undefined) {
    return '**`metadata.namespace`**: a GlobalNetworkPolicy has no namespace, and Calico ignores this field: the policy applies in every namespace (its `spec.namespaceSelector` can narrow that).';
  }
  return paragraphs([
    `**\`metadata.namespace\`**: this Calico NetworkPolicy lives in namespace ${code(namespace)} and applies only to endpoints there.`,
    `In its rules, a \`selector\` without a \`namespaceSelector\` also only matches endpoints in ${code(namespace)}; to match other namespaces, add a \`namespaceSelector\`.`,
  ]);
}

export function explainCalicoOrder(policy: CalicoPolicy, options: ExplainOptions): string {
  return paragraphs(['**`spec.order`**: where this policy runs among the policies that apply to the same pods.', orderParagraphs(policy, options)]);
}

export function explainCalicoTier(policy: CalicoPolicy): string {
  const tier = effectiveTier(policy);
  return paragraphs([
    `**\`spec.tier\`**: this policy is in tier ${code(tier)}.`,
    'Tiers run one after the other, by the order of their Tier objects (the default tier: 1,000,000). In each tier, the first rule that matches decides; a `Pass` rule skips to the next tier; traffic that no rule of a tier decides is denied at the end of that tier (unless the Tier\'s `defaultAction` is Pass).',
  ]);
}

export function explainCalicoTypes(policy: CalicoPolicy): string {
  const types = effectiveTypes(policy);
  const which = types.length === 0 ? 'no direction' : listAnd(types.map(code));
  const how = typesAreDefaulted(policy)
    ? 'Not written, so Calico derives it from the rules: Egress when there are egress rules, Ingress when there are ingress rules or no egress rules at all.'
    : 'Written out: rules of a direction left out here are ignored.';
  const ignored = (['ingress', 'egress'] as const)
    .filter((d) => !types.includes(d === 'ingress' ? 'Ingress' : 'Egress') && (policy.spec[d]?.items.length ?? 0) > 0)
    .map((d) => `**No effect:** the \`${d}\` rules of this policy are never evaluated.`);
  return paragraphs([`**\`spec.types\`**: this policy applies to ${which}.`, how, ...ignored]);
}

export function explainCalicoDirection(policy: CalicoPolicy, direction: RuleDirection): string {
  const types = effectiveTypes(policy);
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  const title = direction === 'ingress' ? '**`ingress`**: rules for connections that reach the pods this policy applies to.' : '**`egress`**: rules for connections these pods open.';
  if (!types.includes(type)) return paragraphs([title, `\`types\` leaves out \`${type}\`, so these rules are never evaluated.`]);
  return paragraphs([
    title,
    rulesSummary(policy, direction),
    bullets([
      'Allow and Deny decide; Pass skips the rest of the tier; Log records and goes on.',
      'A connection no rule here matches goes on to the next policy; if no policy of the tier decides, it is denied at the end of the tier.',
    ]),
  ]);
}
