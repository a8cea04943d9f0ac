/**
 * Hovers on `podSelector` / `namespaceSelector` and everything inside them: what
 * is selected, with AND between requirements spelled out, the scope (which
 * namespace), and for peers how the selector combines with the rest of its item.
 */
import type { NetworkPolicy, SelectorRequirement } from '../../../model/types';
import { effectivePolicyTypes } from '../policy-defaults';
import { bullets, code, listAnd, listOr, paragraphs } from '../../../analysis/explain/markdown';
import { isEmptySelector, isNullSelector, OPERATORS, qualifier, requirementPhrase, requirementPhrases, requirementProblem } from './selector-words';
import { namespacePhrase, namespacesPhrase, ownNamespace, peerPhrase, policyPodsPhrase } from './traffic-words';
import type { ExplainOptions, SelectorScope } from '../../../analysis/explain/types';
import type { ExplainTarget } from './target';
import { workspaceMatches } from './workspace-matches';

type SelectorTarget = Extract<ExplainTarget, { kind: 'selector' }>;

export function explainSelector(target: SelectorTarget, policy: NetworkPolicy, options: ExplainOptions): string {
  const problems = target.selector.matchExpressions.map(requirementProblem).filter((p): p is string => p !== undefined);
  const shownProblems = target.focus.part === 'requirement' ? [] : problems.map((p) => `**Invalid:** ${p}`);
  return paragraphs([focusText(target, policy), ...shownProblems, workspaceMatches(options, target.selector, scopeOf(target, policy))]);
}

function nounOf(target: SelectorTarget): 'pod' | 'namespace' {
  return target.context.role === 'peer-namespaces' ? 'namespace' : 'pod';
}

function focusText(target: SelectorTarget, policy: NetworkPolicy): string {
  const { selector, focus } = target;
  const noun = nounOf(target);
  switch (focus.part) {
    case 'selector':
      return paragraphs([selectorTitle(target), selection(target, policy), ...scopeNotes(target, policy)]);
    case 'matchLabels': {
      const labels = selector.matchLabels.map((e) => code(`${e.key.value}=${e.value.value}`));
      return paragraphs([`**\`matchLabels\`**: a ${noun} must carry every label listed here, each with exactly this value (AND).`, requirementList(labels), selector.matchExpressions.length > 0 && 'The `matchExpressions` of this selector must hold as well (AND).', inAll(target, policy)]);
    }
    case 'label': {
      const entry = selector.matchLabels[focus.index]!;
      const empty = entry.value.value === '' ? ' An empty value means the label must be present with the empty value.' : '';
      return paragraphs([`**${code(`${entry.key.value}: ${entry.value.value}`)}**: the ${noun} must have the label ${code(entry.key.value)} with exactly the value ${code(entry.value.value)}.${empty}`, partOf(target, policy)]);
    }
    case 'matchExpressions':
      return paragraphs([`**\`matchExpressions\`**: each expression is one more requirement; a ${noun} must meet ALL of them (AND).`, requirementList(selector.matchExpressions.map(requirementPhrase)), selector.matchLabels.length > 0 && 'The `matchLabels` of this selector must hold as well (AND).', inAll(target, policy)]);
    case 'requirement': {
      const requirement = selector.matchExpressions[focus.index]!;
      const problem = requirementProblem(requirement);
      return paragraphs([requirementText(requirement, noun), problem && `**Invalid:** ${problem}`, partOf(target, policy)]);
    }
  }
}

/** A bullet list where every line after the first starts with AND. */
function requirementList(phrases: readonly string[]): string {
  return bullets(phrases.map((p, i) => (i === 0 ? p : `AND ${p}`)));
}

/** The selector's owner, in words: `spec.podSelector` or this `from` item's `podSelector`. */
function ownerName(target: SelectorTarget): string {
  const context = target.context;
  if (context.role === 'policy') return '`spec.podSelector`';
  const list = context.rule.direction === 'ingress' ? 'from' : 'to';
  return `this \`${list}\` item's \`${context.role === 'peer-pods' ? 'podSelector' : 'namespaceSelector'}\``;
}

/** What the whole selector (or the whole peer) ends up matching. */
function wholeMatch(target: SelectorTarget, policy: NetworkPolicy): string {
  const context = target.context;
  if (context.role === 'policy') return `the policy applies to ${policyPodsPhrase(policy)}`;
  return `the item as a whole matches ${peerPhrase(context.peer)}`;
}

function partOf(target: SelectorTarget, policy: NetworkPolicy): string {
  const count = requirementPhrases(target.selector).length;
  const which = count === 1 ? 'the only requirement' : `one of ${count} requirements`;
  const all = count === 1 ? '' : ' (ALL must hold: AND)';
  return `This is ${which} of ${ownerName(target)}${all}; ${wholeMatch(target, policy)}.`;
}

function inAll(target: SelectorTarget, policy: NetworkPolicy): string {
  const whole = wholeMatch(target, policy);
  return `In all, ${whole}.`;
}

function requirementText(requirement: SelectorRequirement, noun: string): string {
  const key = requirement.key ? code(requirement.key.value) : 'the label';
  const title = requirement.key ? `**Expression on ${key}**` : '**Expression**';
  const values = requirement.values.length === 0 ? '(no values)' : requirement.values.map((v) => code(v.value)).join(' OR ');
  switch (requirement.operator?.value) {
    case 'In':
      return `${title}: the ${noun} must have the label ${key} with the value ${values}.`;
    case 'NotIn':
      return `${title}: the ${noun} must NOT have ${key} set to ${values}. A ${noun} with no ${key} label at all DOES match: \`NotIn\` only excludes the values listed (add an \`Exists\` expression to require the label).`;
    case 'Exists':
      return `${title}: the ${noun} must have the label ${key}; its value does not matter.`;
    case 'DoesNotExist':
      return `${title}: the ${noun} must NOT have the label ${key}, whatever its value; ${noun}s without it match.`;
    default:
      return `${title}: an expression needs \`key\`, \`operator\` (${listOr(OPERATORS.map(code))}) and, for \`In\`/\`NotIn\`, \`values\`.`;
  }
}

function selectorTitle(target: SelectorTarget): string {
  if (target.context.role === 'policy') return '**`spec.podSelector`**: the pods this policy applies to.';
  const field = target.context.role === 'peer-pods' ? 'podSelector' : 'namespaceSelector';
  const ingress = target.context.rule.direction === 'ingress';
  const what = target.context.role === 'peer-pods' ? 'pods' : 'namespaces';
  return `**\`${field}\`** in a \`${ingress ? 'from' : 'to'}\` item: which ${what} traffic may ${ingress ? 'come from' : 'go to'}.`;
}

/** "Selects …": the selected set, with the scope it is taken from. */
function selection(target: SelectorTarget, policy: NetworkPolicy): string {
  const { selector, context } = target;
  const noun = nounOf(target);
  const where = context.role === 'peer-namespaces' ? '' : podScope(target, policy);
  if (isEmptySelector(selector)) {
    const written = isNullSelector(selector) ? 'With no value, `podSelector:` is read as `{}` and' : '`{}` (no requirements)';
    return `${written} selects every ${noun}${where}.`;
  }
  const phrases = requirementPhrases(selector);
  if (phrases.length === 1) return `Selects the ${noun}s ${qualifier(selector)}${where}.`;
  return `Selects the ${noun}s${where} that meet ALL of these requirements (AND):\n\n${requirementList(phrases)}`;
}

function podScope(target: SelectorTarget, policy: NetworkPolicy): string {
  if (target.context.role === 'peer-pods' && target.context.peer.namespaceSelector) return ", in the namespaces this item's `namespaceSelector` selects";
  return ` in ${namespacePhrase(policy)}`;
}

function scopeNotes(target: SelectorTarget, policy: NetworkPolicy): string[] {
  const context = target.context;
  if (context.role === 'policy') return [isolationNote(policy)];
  const { podSelector: pods, namespaceSelector: namespaces } = context.peer;
  if (context.role === 'peer-pods') {
    if (namespaces) return [`The same item also has a \`namespaceSelector\`, so BOTH must match (AND): the pod must match this selector AND run in ${namespacesPhrase(namespaces)}.`];
    return [`This item has no \`namespaceSelector\`, so it only covers pods in the policy's own namespace${ownNamespace(policy)}, never pods in other namespaces.`];
  }
  const byName = 'Namespaces are matched by their labels, not by name; to pick one by name, use the label `kubernetes.io/metadata.name`, which Kubernetes sets on every namespace.';
  if (pods) return [`The same item also has a \`podSelector\`, so BOTH must match (AND): only pods ${isEmptySelector(pods) ? '(any pod)' : qualifier(pods)} in these namespaces.`, byName];
  return ['This item has no `podSelector`, so it covers every pod in the selected namespaces.', byName];
}

function isolationNote(policy: NetworkPolicy): string {
  const types = effectivePolicyTypes(policy);
  if (types.length === 0) return 'The policy lists no valid `policyTypes`, so it isolates these pods in no direction.';
  const directions = listAnd(types.map((t) => t.toLowerCase()));
  const flow = types.length === 2 ? 'reaches or leaves them' : types[0] === 'Ingress' ? 'reaches them' : 'leaves them';
  return `These pods become isolated for ${directions}: only traffic that some policy allows ${flow}. Pods that no policy selects are not affected.`;
}

function scopeOf(target: SelectorTarget, policy: NetworkPolicy): SelectorScope {
  const context = target.context;
  if (context.role === 'peer-namespaces') return { kind: 'namespaces' };
  const namespaces = context.role === 'peer-pods' ? context.peer.namespaceSelector : undefined;
  if (namespaces) return { kind: 'pods-in-selected-namespaces', namespaceSelector: namespaces };
  return { kind: 'pods-in-namespace', namespace: policy.metadata.namespace?.value };
}
