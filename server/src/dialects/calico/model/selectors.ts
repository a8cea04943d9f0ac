/**
 * Every selector of a policy, in reading order, with where it sits. Checks walk
 * this list; hovers find the selector under the cursor with `selectorAt`.
 */
import type { CalicoPolicy, CalicoRule, CalicoSelector, EntityRule } from './types';

export interface PlacedSelector {
  readonly selector: CalicoSelector;
  /** A readable path, e.g. `spec.ingress[0].source.selector`. */
  readonly path: string;
  /** The rule holding it, for selectors inside `source` / `destination`. */
  readonly rule?: CalicoRule;
  readonly entity?: 'source' | 'destination';
}

export function policySelectors(policy: CalicoPolicy): PlacedSelector[] {
  const { spec } = policy;
  const placed: PlacedSelector[] = [];
  const add = (selector: CalicoSelector | undefined, path: string, rule?: CalicoRule, entity?: 'source' | 'destination'): void => {
    if (selector) placed.push({ selector, path, ...(rule && { rule }), ...(entity && { entity }) });
  };
  add(spec.selector, 'spec.selector');
  add(spec.namespaceSelector, 'spec.namespaceSelector');
  add(spec.serviceAccountSelector, 'spec.serviceAccountSelector');
  for (const rule of [...(spec.ingress?.items ?? []), ...(spec.egress?.items ?? [])]) {
    for (const entity of ['source', 'destination'] as const) {
      const match: EntityRule | undefined = rule[entity];
      if (!match) continue;
      const prefix = `spec.${rule.direction}[${rule.index}].${entity}`;
      add(match.selector, `${prefix}.selector`, rule, entity);
      add(match.notSelector, `${prefix}.notSelector`, rule, entity);
      add(match.namespaceSelector, `${prefix}.namespaceSelector`, rule, entity);
      add(match.serviceAccounts?.selector, `${prefix}.serviceAccounts.selector`, rule, entity);
    }
  }
  return placed.sort((a, b) => a.selector.span.start - b.selector.span.start);
}

/** The selector whose key or value contains `offset` (ends included, as a cursor after the text is still on it). */
export function selectorAt(policies: readonly CalicoPolicy[], offset: number): PlacedSelector | undefined {
  for (const policy of policies) {
    for (const placed of policySelectors(policy)) {
      const { keySpan, span } = placed.selector;
      if ((offset >= keySpan.start && offset <= keySpan.end) || (offset >= span.start && offset <= span.end)) return placed;
    }
  }
  return undefined;
}
