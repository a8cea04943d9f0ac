/**
 * Hovers on `ingress:` / `egress:` and on one rule of them: isolation, the
 * defaults of policyTypes, and that rules (and policies) add up with OR.
 */
import type { Direction, NetworkPolicy, PolicyRule } from '../../../model/types';
import { affects } from '../policy-defaults';
import { capitalize, paragraphs, plural } from '../../../analysis/explain/markdown';
import { allowsEverything, policyPodsPhrase, rulePhrase } from './traffic-words';

function typeOf(direction: Direction): 'Ingress' | 'Egress' {
  return direction === 'ingress' ? 'Ingress' : 'Egress';
}

/** Whether `policyTypes` was written out, or Kubernetes fills it in. */
function writtenTypes(policy: NetworkPolicy): boolean {
  return (policy.spec.policyTypes?.items.length ?? 0) > 0;
}

export function explainDirection(policy: NetworkPolicy, direction: Direction): string {
  const title = direction === 'ingress' ? '**`ingress`**: which connections may reach the selected pods.' : '**`egress`**: which connections the selected pods may open.';
  if (!affects(policy, typeOf(direction))) return paragraphs([title, ignoredNote(policy, direction)]);
  const rules = policy.spec[direction]?.items ?? [];
  const how = writtenTypes(policy) ? `\`policyTypes\` includes \`${typeOf(direction)}\`` : `without \`policyTypes\`, Kubernetes ${direction === 'ingress' ? 'always sets `Ingress`' : 'sets `Egress` because there are egress rules'}`;
  const isolation =
    direction === 'ingress'
      ? `This policy isolates ${policyPodsPhrase(policy)} for ingress (${how}): as soon as any policy selects a pod for Ingress, only connections that some policy allows get in.`
      : `This policy isolates ${policyPodsPhrase(policy)} for egress (${how}): as soon as any policy selects a pod for Egress, only what some policy allows leaves it.`;
  const list =
    rules.length === 0
      ? `This list is empty, so this policy allows no ${direction} at all: the selected pods ${direction === 'ingress' ? 'accept no connections' : 'can open no connections'} unless another policy allows them.`
      : rules.length === 1
        ? 'This list has 1 rule: what it allows is what this policy allows.'
        : `This list has ${plural(rules.length, 'rule')}; a connection is allowed if it matches ANY of them (OR).`;
  return paragraphs([
    title,
    isolation,
    list,
    'Policies add up: a connection is allowed if ANY policy that selects the pod allows it; no policy can deny what another allows. Between two pods, the sender\'s egress AND the receiver\'s ingress must both allow it. Replies on an allowed connection always flow back.',
    direction === 'egress' && 'If the pods look up names, remember DNS: allow UDP and TCP port 53 to the cluster DNS.',
  ]);
}

/** Why rules of a direction that `policyTypes` leaves out do nothing (or why `egress: []` is not deny-all). */
function ignoredNote(policy: NetworkPolicy, direction: Direction): string {
  if (writtenTypes(policy)) {
    return `\`policyTypes\` does not include \`${typeOf(direction)}\`, so this policy does not restrict ${direction} and these rules have no effect.`;
  }
  return `This list is empty and \`policyTypes\` is not written, so Kubernetes does not add \`Egress\`: this policy does not restrict egress at all. To deny all egress, write \`policyTypes: [Ingress, Egress]\` (or \`[Egress]\`).`;
}

export function explainRule(policy: NetworkPolicy, rule: PolicyRule): string {
  const rules = policy.spec[rule.direction]?.items ?? [];
  const title = `**${capitalize(rule.direction)} rule ${rule.index + 1} of ${rules.length}**`;
  const subject = rule.direction === 'ingress' ? `traffic to the selected pods` : `the selected pods to send traffic`;
  const what = allowsEverything(rule)
    ? `This rule allows ${subject} ${rule.direction === 'ingress' ? 'from anywhere' : 'to anywhere'}, on any port: it has no \`${rule.direction === 'ingress' ? 'from' : 'to'}\` and no \`ports\`, so nothing is restricted.`
    : `This rule allows ${subject} ${rulePhrase(rule)}.`;
  const and = `A connection must match the rule's \`${rule.direction === 'ingress' ? 'from' : 'to'}\` list AND its \`ports\` list (a missing or empty list matches everything).`;
  const or = `Rules are alternatives (OR): a connection is allowed if ANY rule allows it, in this policy or in another policy that selects the same pods.`;
  const ignored = !affects(policy, typeOf(rule.direction)) && `**No effect:** \`policyTypes\` does not include \`${typeOf(rule.direction)}\`, so this rule is ignored.`;
  return paragraphs([title, what, and, or, ignored]);
}
