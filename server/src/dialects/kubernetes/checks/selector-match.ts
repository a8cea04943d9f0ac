/**
 * Reasoning about selectors without a cluster: whether a selector could select an
 * object of which only a few labels are known, and whether one selector selects at
 * least everything another does. Both answer conservatively for their callers: the
 * DNS check would rather stay silent than cry wolf.
 */
import type { LabelSelector, SelectorRequirement } from '../../../model/types';

export interface KnownObject {
  /** Labels the object is known to carry. */
  readonly labels: Readonly<Record<string, string>>;
  /** Whether an unknown label key could plausibly carry this value (e.g. `name: kube-system`). */
  readonly plausibleValue: (value: string) => boolean;
}

/** Whether `selector` could select `object`; an absent selector selects everything. */
export function couldSelect(selector: LabelSelector | undefined, object: KnownObject): boolean {
  if (!selector) return true;
  const labelsOk = selector.matchLabels.every(({ key, value }) => valueCouldBe(object, key.value, [value.value]));
  return labelsOk && selector.matchExpressions.every((r) => requirementCouldHold(r, object));
}

function valueCouldBe(object: KnownObject, key: string, values: readonly string[]): boolean {
  const known = object.labels[key];
  if (known !== undefined) return values.includes(known);
  return values.some(object.plausibleValue);
}

function requirementCouldHold(requirement: SelectorRequirement, object: KnownObject): boolean {
  const key = requirement.key?.value;
  if (key === undefined) return false;
  const values = requirement.values.map((v) => v.value);
  const known = object.labels[key];
  switch (requirement.operator?.value) {
    case 'In':
      return valueCouldBe(object, key, values);
    case 'NotIn':
      return known === undefined || !values.includes(known);
    case 'Exists':
      return known !== undefined;
    case 'DoesNotExist':
      return known === undefined;
    default:
      return false;
  }
}

/**
 * True when every object `narrow` selects is also selected by `broad`, judged by the
 * text: each requirement of `broad` appears in `narrow`. An empty `broad` covers all.
 */
export function selectorCovers(broad: LabelSelector | undefined, narrow: LabelSelector | undefined): boolean {
  if (!broad || (broad.matchLabels.length === 0 && broad.matchExpressions.length === 0)) return true;
  if (!narrow) return false;
  const labels = new Set(narrow.matchLabels.map((l) => `${l.key.value}=${l.value.value}`));
  const expressions = new Set(narrow.matchExpressions.map(requirementKey));
  return broad.matchLabels.every((l) => labels.has(`${l.key.value}=${l.value.value}`)) && broad.matchExpressions.every((r) => expressions.has(requirementKey(r)));
}

function requirementKey(r: SelectorRequirement): string {
  return JSON.stringify([r.key?.value, r.operator?.value, r.values.map((v) => v.value).sort()]);
}

/** A selector with no requirements: `{}` or `podSelector:` with no value. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return selector !== undefined && selector.matchLabels.length === 0 && selector.matchExpressions.length === 0;
}
