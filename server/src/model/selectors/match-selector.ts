/** Label selector matching, exactly as metav1.LabelSelector is evaluated by Kubernetes. */
import type { LabelSet } from './label-set';
import type { CompiledSelector, Requirement } from './compile-selector';

/**
 * True when every requirement holds. Note NotIn and DoesNotExist also match a pod
 * that lacks the key entirely, which is the part people most often get wrong.
 */
export function selectorMatches(selector: CompiledSelector, labels: LabelSet | ReadonlyMap<string, string>): boolean {
  const map = isLabelSet(labels) ? labels.labels : labels;
  for (const requirement of selector.requirements) {
    if (!requirementMatches(requirement, map)) return false;
  }
  return true;
}

function isLabelSet(labels: LabelSet | ReadonlyMap<string, string>): labels is LabelSet {
  return typeof (labels as Partial<LabelSet>).key === 'string';
}

export function requirementMatches(requirement: Requirement, labels: ReadonlyMap<string, string>): boolean {
  const value = labels.get(requirement.key);
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/**
 * Memoizes matches per (selector key, label set key). Selectors repeat across
 * policies and label sets repeat across pods, so most look-ups are hits.
 */
export class SelectorMatchCache {
  private readonly results = new Map<string, Map<string, boolean>>();

  matches(selector: CompiledSelector, labels: LabelSet): boolean {
    if (selector.matchesAll) return true;
    let bySet = this.results.get(selector.key);
    if (!bySet) {
      bySet = new Map();
      this.results.set(selector.key, bySet);
    }
    const known = bySet.get(labels.key);
    if (known !== undefined) return known;
    const result = selectorMatches(selector, labels);
    bySet.set(labels.key, result);
    return result;
  }
}

/** `app=web, tier in (a, b), !legacy` for messages and hovers. */
export function describeSelector(selector: CompiledSelector): string {
  if (selector.matchesAll) return '(everything)';
  return selector.requirements.map(describeRequirement).join(', ');
}

function describeRequirement(r: Requirement): string {
  switch (r.operator) {
    case 'In':
      return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(', ')})`;
    case 'NotIn':
      return `${r.key} notin (${r.values.join(', ')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}
