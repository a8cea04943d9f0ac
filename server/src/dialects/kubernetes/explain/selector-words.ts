/**
 * Label selectors in words. Every requirement of a selector must hold (AND);
 * the values of one `In` requirement are alternatives. An empty selector selects
 * everything in its scope, and NotIn / DoesNotExist also match objects that do
 * not have the label at all, which is the part people most often get wrong.
 */
import type { LabelEntry, LabelSelector, SelectorRequirement } from '../../../model/types';
import { code, joinAnd, listOr } from '../../../analysis/explain/markdown';

export const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** No requirement at all: `{}`, `podSelector:` with no value, or empty matchLabels/matchExpressions. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return selector.matchLabels.length === 0 && selector.matchExpressions.length === 0;
}

/** `podSelector:` with no value. In a peer Kubernetes reads that as "field not set", not as `{}`. */
export function isNullSelector(selector: LabelSelector): boolean {
  return selector.node === null || (selector.node.kind === 'scalar' && selector.node.value === null);
}

function labelPhrase(entry: LabelEntry): string {
  return code(`${entry.key.value}=${entry.value.value}`);
}

function valueList(requirement: SelectorRequirement): string {
  return listOr(requirement.values.map((v) => code(v.value)));
}

/** A short phrase for one requirement, to be joined with AND. */
export function requirementPhrase(requirement: SelectorRequirement): string {
  const key = requirement.key?.value;
  const operator = requirement.operator?.value;
  if (key === undefined) return 'an expression with no `key` (invalid)';
  const label = code(key);
  switch (operator) {
    case 'In':
      if (requirement.values.length === 1) return code(`${key}=${requirement.values[0]!.value}`);
      return `${label} set to ${valueList(requirement)}`;
    case 'NotIn':
      return `${label} not set to ${valueList(requirement)} (or no ${label} label at all)`;
    case 'Exists':
      return `a label ${label} (any value)`;
    case 'DoesNotExist':
      return `no label ${label}`;
    default:
      return `${label} (invalid operator ${code(operator ?? "(none)")})`;
  }
}

/** All requirements of a selector as phrases: matchLabels first, then matchExpressions, as kubectl lists them. */
export function requirementPhrases(selector: LabelSelector): string[] {
  return [...selector.matchLabels.map(labelPhrase), ...selector.matchExpressions.map(requirementPhrase)];
}

/** Only `key=value` requirements, which read best as "labelled a=b AND c=d". */
function onlyEqualities(selector: LabelSelector): boolean {
  return selector.matchExpressions.every((r) => r.operator?.value === 'In' && r.values.length === 1 && r.key !== undefined);
}

/**
 * `labelled \`a=b\` AND \`c=d\`` or `with \`a=b\` AND no \`x\` label`: the part after
 * "pods"/"namespaces". Empty for an empty selector.
 */
export function qualifier(selector: LabelSelector): string {
  if (isEmptySelector(selector)) return '';
  return `${onlyEqualities(selector) ? 'labelled' : 'with'} ${joinAnd(requirementPhrases(selector))}`;
}

/** What is wrong with a requirement, as Kubernetes validation sees it, or undefined. */
export function requirementProblem(requirement: SelectorRequirement): string | undefined {
  const operator = requirement.operator?.value;
  if (requirement.key === undefined) return 'It has no `key`: every expression needs the label key it tests.';
  if (operator === undefined) return `It has no \`operator\`: use one of ${OPERATORS.map(code).join(', ')}.`;
  if (!OPERATORS.includes(operator)) {
    const near = OPERATORS.find((o) => o.toLowerCase() === operator.toLowerCase());
    return `${code(operator)} is not an operator: use exactly one of ${OPERATORS.map(code).join(', ')} (case matters)${near ? `; you probably mean ${code(near)}` : ''}. The API server rejects this policy.`;
  }
  const needsValues = operator === 'In' || operator === 'NotIn';
  if (needsValues && requirement.values.length === 0) return `\`${operator}\` needs at least one value in \`values\`; the API server rejects it without.`;
  if (!needsValues && requirement.values.length > 0) return `\`${operator}\` takes no \`values\` (it only looks at whether the label exists); the API server rejects a non-empty list.`;
  return undefined;
}
