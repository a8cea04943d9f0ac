/**
 * A metav1.LabelSelector as kubectl prints it (metav1.FormatLabelSelector): the selector
 * is turned into label requirements, checked, sorted by key and joined with commas.
 *
 *   matchLabels {app: db}                    -> app=db
 *   {key: tier, operator: In, values: [b,a]} -> tier in (a,b)      (values sorted)
 *   {key: env, operator: NotIn, values: [x]} -> env notin (x)
 *   {key: critical, operator: Exists}        -> critical
 *   {key: legacy, operator: DoesNotExist}    -> !legacy
 *
 * An empty selector prints `<none>`; one that the API server would reject (a bad key or
 * value, an unknown operator, a wrong number of values) prints `<error>`, as kubectl does.
 */
import type { LabelSelector, SelectorRequirement } from '../../../model/types';
import { compareGoStrings } from './go-strings';
import { isQualifiedName, isValidLabelValue } from './label-syntax';

type Operator = '=' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** Whether a selector has no terms at all, and so selects everything in its scope. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return selector === undefined || (selector.matchLabels.length === 0 && selector.matchExpressions.length === 0);
}

/**
 * The selector's requirements as kubectl writes them, in kubectl's order; undefined when
 * the selector is invalid. Hovers can list these one per line.
 */
export function labelSelectorRequirements(selector: LabelSelector): readonly string[] | undefined {
  const requirements: Requirement[] = [];
  // A Go map keeps one value per key: the last one written.
  const matchLabels = new Map(selector.matchLabels.map((entry) => [entry.key.value, entry.value.value]));
  for (const [key, value] of matchLabels) requirements.push({ key, operator: '=', values: [value] });
  for (const expression of selector.matchExpressions) {
    const requirement = fromExpression(expression);
    if (!requirement) return undefined;
    requirements.push(requirement);
  }
  if (!requirements.every(isValid)) return undefined;
  // Array sort is stable, like Go's sort for the few requirements a selector has.
  return requirements.sort((a, b) => compareGoStrings(a.key, b.key)).map(requirementText);
}

export function formatLabelSelector(selector: LabelSelector): string {
  const requirements = labelSelectorRequirements(selector);
  if (requirements === undefined) return '<error>';
  return requirements.length === 0 ? '<none>' : requirements.join(',');
}

function fromExpression(expression: SelectorRequirement): Requirement | undefined {
  const operator = expression.operator?.value;
  if (operator !== 'In' && operator !== 'NotIn' && operator !== 'Exists' && operator !== 'DoesNotExist') return undefined;
  return { key: expression.key?.value ?? '', operator, values: expression.values.map((v) => v.value) };
}

function isValid(requirement: Requirement): boolean {
  if (!isQualifiedName(requirement.key) || !requirement.values.every(isValidLabelValue)) return false;
  const count = requirement.values.length;
  switch (requirement.operator) {
    case '=':
      return count === 1;
    case 'In':
    case 'NotIn':
      return count > 0;
    case 'Exists':
    case 'DoesNotExist':
      return count === 0;
  }
}

function requirementText(requirement: Requirement): string {
  const { key, operator, values } = requirement;
  switch (operator) {
    case 'Exists':
      return key;
    case 'DoesNotExist':
      return `!${key}`;
    case '=':
      return `${key}=${values[0] ?? ''}`;
    case 'In':
    case 'NotIn':
      return `${key} ${operator === 'In' ? 'in' : 'notin'} (${[...values].sort(compareGoStrings).join(',')})`;
  }
}
