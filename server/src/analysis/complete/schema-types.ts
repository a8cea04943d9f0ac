/**
 * The fields completion offers, as data each dialect writes for its policies (its
 * field schema): what may be written where in a policy, and what a value may be.
 */

export interface EnumValue {
  readonly value: string;
  readonly doc: string;
}

/**
 * Where the values of a scalar come from: an enumeration, the workspace's namespace
 * names, or `V`, a source only its dialect knows (label keys of a selector's scope,
 * container port names, selector expressions), which its completion hook answers.
 */
export type ValueSource<V = never> = EnumSource | { readonly kind: 'namespaces' } | V;

export interface EnumSource {
  readonly kind: 'enum';
  readonly values: readonly EnumValue[];
}

/** A dialect's own value sources are tagged by `kind` too. */
export interface TaggedSource {
  readonly kind: string;
}

export type FieldShape =
  /** A map with the fields of `node`. */
  | 'map'
  /** A list of maps with the fields of `node`. */
  | 'list'
  | 'scalar'
  /** A list of scalars with `values`. */
  | 'scalar-list'
  /** A map of label keys to label values (`matchLabels`). */
  | 'labels'
  /** A map of free keys (annotations, metadata labels): nothing to offer inside. */
  | 'free-map';

export interface FieldSpec<V = never> {
  readonly doc: string;
  readonly shape: FieldShape;
  readonly node?: SchemaNode<V>;
  readonly values?: ValueSource<V>;
  /** Offered only in a cluster-scoped policy (or only in a namespaced one). */
  readonly only?: 'global' | 'namespaced';
}

export interface SchemaNode<V = never> {
  /** What this map is, for the detail line of its fields: "a peer", "a port". */
  readonly title: string;
  readonly fields: Readonly<Record<string, FieldSpec<V>>>;
}

export const enumOf = (...values: (readonly [string, string])[]): EnumSource => ({ kind: 'enum', values: values.map(([value, doc]) => ({ value, doc })) });
