/**
 * Calico's scoping of a rule side's selectors, as libcalico-go converts a v3 rule
 * for Felix (GetEntityRuleSelector in its update processors): as soon as any
 * selector field is used, `selector` only matches endpoints in the policy's own
 * namespace, or in the namespaces `namespaceSelector` selects (none for `global()`,
 * which means non-namespaced endpoints). The reachability engine and the ordering
 * checks both need this rule, over their own selector types.
 */

/** Which namespaces the endpoints of a scoped rule side may be in. */
export type NamespaceScopeOf<S> =
  | { readonly kind: 'any' }
  | { readonly kind: 'named'; readonly namespace: string }
  | { readonly kind: 'selected'; readonly selector: S }
  /** `namespaceSelector: global()`: only non-namespaced endpoints. */
  | { readonly kind: 'none' };

export interface EntitySelectors<S> {
  readonly selector?: S | undefined;
  readonly notSelector?: S | undefined;
  readonly namespaceSelector?: S | undefined;
}

/**
 * `scoped`: whether the side's selectors are limited to `namespaces` at all. A
 * `notSelector` alone scopes only in a namespaced policy; a global policy's
 * `notSelector` applies across namespaces.
 */
export function entityScope<S>(side: EntitySelectors<S>, isGlobal: (selector: S) => boolean, namespace: string | undefined): { namespaces: NamespaceScopeOf<S>; scoped: boolean } {
  const { selector, notSelector, namespaceSelector } = side;
  const namespaces: NamespaceScopeOf<S> = namespaceSelector
    ? isGlobal(namespaceSelector)
      ? { kind: 'none' }
      : { kind: 'selected', selector: namespaceSelector }
    : namespace !== undefined
      ? { kind: 'named', namespace }
      : { kind: 'any' };
  const scoped = namespaceSelector !== undefined || selector !== undefined || (namespace !== undefined && notSelector !== undefined);
  return { namespaces, scoped };
}
