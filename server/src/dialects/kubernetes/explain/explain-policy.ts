/**
 * The whole policy in one paragraph (which pods, what they may receive and send),
 * followed by `kubectl describe` for those who know that format; plus the small
 * metadata hovers (namespace, labels).
 */
import type { Direction, NetworkPolicy, PolicyRule } from '../../../model/types';
import { describeNetworkPolicy } from '../describe/describe-policy';
import { effectivePolicyTypes } from '../policy-defaults';
import { bullets, code, codeBlock, paragraphs } from '../../../analysis/explain/markdown';
import { isEmptySelector, qualifier } from './selector-words';
import { allowsEverything, namespacePhrase, rulePhrase } from './traffic-words';

export function explainPolicy(policy: NetworkPolicy): string {
  const title = policyTitle(policy);
  const describe = describeOrNothing(policy);
  const noNamespace =
    policy.metadata.namespace === undefined &&
    'It sets no `metadata.namespace`, so it goes into the namespace it is applied to (`kubectl apply -n …`, usually `default`).';
  return paragraphs([title, policySummary(policy), noNamespace, describe.trim() !== '' && codeBlock(describe)]);
}

export function policyTitle(policy: NetworkPolicy): string {
  const name = policy.metadata.name?.value;
  return name === undefined ? '**NetworkPolicy** (no `metadata.name`)' : `**NetworkPolicy ${code(name)}**`;
}

/** The kubectl block is a bonus: a bug in the renderer must not take the summary down with it. */
function describeOrNothing(policy: NetworkPolicy): string {
  try {
    return describeNetworkPolicy(policy);
  } catch {
    return '';
  }
}

/** What one direction of the policy allows: a sentence part, plus a list when there are several rules. */
interface Clause {
  readonly text: string;
  readonly rules?: readonly string[];
}

/**
 * The summary: "Pods in namespace X labelled … accept ingress only from …. Egress
 * is not restricted by this policy." Several rules become a list, since rules
 * are alternatives (OR) and numbering them inline would nest EITHER/OR twice.
 */
function policySummary(policy: NetworkPolicy): string {
  const types = effectivePolicyTypes(policy);
  const selector = policy.spec.podSelector;
  const where = namespacePhrase(policy);
  const subject = !selector || isEmptySelector(selector) ? `All pods in ${where}` : `Pods in ${where} ${qualifier(selector)}`;
  const ingress = types.includes('Ingress') ? directionClause(policy, 'ingress') : undefined;
  const egress = types.includes('Egress') ? directionClause(policy, 'egress') : undefined;
  const parts: string[] = [];
  let sentences = '';
  const add = (text: string, clause?: Clause): void => {
    if (!clause) sentences += `${text} `;
    else if (!clause.rules) sentences += `${text} ${clause.text}. `;
    else {
      parts.push(`${sentences}${text} ${clause.text}:`, bullets(clause.rules));
      sentences = '';
    }
  };
  if (ingress) add(subject, ingress);
  if (egress) add(ingress ? 'They' : subject, egress);
  if (!ingress && egress) add('Ingress is not restricted by this policy.');
  if (ingress && !egress) add('Egress is not restricted by this policy.');
  if (!ingress && !egress) add('This policy restricts neither ingress nor egress: its `policyTypes` lists no valid type (`Ingress`, `Egress`).');
  for (const direction of ['ingress', 'egress'] as const) {
    const type = direction === 'ingress' ? 'Ingress' : 'Egress';
    if (!types.includes(type) && (policy.spec[direction]?.items.length ?? 0) > 0) add(`Its \`${direction}\` rules have no effect, because \`policyTypes\` leaves out \`${type}\`.`);
  }
  return paragraphs([...parts, sentences.trim()]);
}

function directionClause(policy: NetworkPolicy, direction: Direction): Clause {
  const rules: readonly PolicyRule[] = policy.spec[direction]?.items ?? [];
  const verb = direction === 'ingress' ? 'accept' : 'may send';
  if (rules.length === 0) {
    const what = direction === 'ingress' ? 'incoming' : 'outgoing';
    return { text: `${verb} no ${direction} at all: every ${what} connection is denied unless another policy allows it` };
  }
  const open = rules.find(allowsEverything);
  if (open) return { text: `${verb} all ${direction} (rule ${open.index + 1} allows every ${direction === 'ingress' ? 'source' : 'destination'} on every port)` };
  if (rules.length === 1) return { text: `${verb} ${direction} only ${rulePhrase(rules[0]!)}` };
  return { text: `${verb} ${direction} only when it matches ANY of these ${rules.length} rules (OR)`, rules: rules.map((rule) => `rule ${rule.index + 1}: ${rulePhrase(rule)}`) };
}

export function explainNamespace(policy: NetworkPolicy): string {
  const namespace = policy.metadata.namespace?.value;
  if (namespace === undefined) return '**`metadata.namespace`** must be a namespace name (a string), like `default`.';
  const ns = code(namespace);
  return paragraphs([
    `**\`metadata.namespace\`**: this policy lives in namespace ${ns}.`,
    `It only ever applies to pods in ${ns}: \`spec.podSelector\` selects pods there, and so does every \`podSelector\` peer that has no \`namespaceSelector\`. To allow traffic from or to other namespaces, give a peer a \`namespaceSelector\`.`,
  ]);
}

export function explainPolicyLabels(field: 'labels' | 'annotations'): string {
  if (field === 'annotations') {
    return '**`metadata.annotations`** are notes on the NetworkPolicy object for people and tools. They do not change which traffic is allowed.';
  }
  return '**`metadata.labels`** label the NetworkPolicy object itself, so you can find it (`kubectl get networkpolicy -l …`). They select nothing: the pods this policy applies to are chosen by `spec.podSelector`.';
}
