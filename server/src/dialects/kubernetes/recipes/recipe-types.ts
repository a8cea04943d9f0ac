/**
 * Recipes: the policies and rules people reach for most, as data. A recipe's
 * template is YAML written with two-space indentation, where `«variable»` and
 * `«variable:default»` mark what the user fills in. Rendering turns them into
 * snippet placeholders, with choices drawn from the workspace where it has any
 * (namespaces, the labels pods and namespaces really carry).
 */

/** `policy`: a whole document. `ingress-rule` / `egress-rule`: one item of that list, starting `- `. */
export type RecipeKind = 'policy' | 'ingress-rule' | 'egress-rule';

/**
 * What a variable stands for, which decides where its choices come from:
 * `text` has none (its default is its only suggestion).
 */
export type RecipeVariable =
  | 'name'
  | 'namespace'
  /** A `key: value` label of the pods the policy selects. */
  | 'target'
  /** A `key: value` label of the pods allowed to connect. */
  | 'source'
  /** A namespace name other than the policy's own. */
  | 'otherNamespace'
  /** A `key: value` label of namespaces. */
  | 'namespaceLabel'
  | 'port';

export interface Recipe {
  readonly id: string;
  readonly kind: RecipeKind;
  readonly title: string;
  /** One or two sentences: what it allows or denies, and anything to know before using it. */
  readonly description: string;
  readonly template: readonly string[];
}
