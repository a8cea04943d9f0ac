/**
 * Cluster-wide policies of policy.networking.k8s.io, read with every field's span:
 * v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy, and v1alpha2
 * ClusterNetworkPolicy (one kind with `tier: Admin | Baseline`). The two versions
 * write ports differently (`ports` vs `protocols`); both read into `ClusterPort`.
 * Forgiving, like the rest of the model: a field of the wrong type is absent here,
 * and the checks report it from the YAML tree.
 */
import type { Field, LabelSelector, ListField, Metadata, ObjectRef, Span } from '../../../model/types';

export type ClusterPolicyKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';

export interface ClusterPolicy {
  readonly ref: ObjectRef;
  readonly kind: ClusterPolicyKind;
  /** `v1alpha1`, `v1alpha2`, or what was written after the group. */
  readonly version: string;
  readonly metadata: Metadata;
  readonly spec?: ClusterPolicySpec;
}

export interface ClusterPolicySpec {
  readonly span: Span;
  readonly keySpan: Span;
  /** Every key written, for unknown fields. */
  readonly keys: readonly Field<string>[];
  /** v1alpha2 only: `Admin` or `Baseline`. */
  readonly tier?: Field<string>;
  readonly priority?: Field<number>;
  readonly subject?: Selection;
  readonly ingress?: ListField<ClusterRule>;
  readonly egress?: ListField<ClusterRule>;
}

/** A subject or a peer: exactly one of its fields may be written. */
export interface Selection {
  readonly span: Span;
  readonly keySpan?: Span;
  /** Every key written, in order, for the exactly-one-of rule. */
  readonly keys: readonly Field<string>[];
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPods;
  readonly nodes?: LabelSelector;
  readonly networks?: ListField<Field<string>>;
  readonly domainNames?: ListField<Field<string>>;
}

export interface NamespacedPods {
  readonly span: Span;
  readonly keySpan: Span;
  readonly namespaceSelector?: LabelSelector;
  readonly podSelector?: LabelSelector;
}

export interface ClusterRule {
  readonly direction: 'ingress' | 'egress';
  readonly index: number;
  readonly span: Span;
  /** Every key written, for unknown fields. */
  readonly keys: readonly Field<string>[];
  readonly name?: Field<string>;
  readonly action?: Field<string>;
  /** `from` (ingress) or `to` (egress). */
  readonly peers?: ListField<Selection>;
  /** `ports` (v1alpha1) or `protocols` (v1alpha2); absent: every port and protocol. */
  readonly ports?: ListField<ClusterPort>;
}

/** One port entry, both versions alike. */
export interface ClusterPort {
  readonly span: Span;
  readonly keys: readonly Field<string>[];
  /** Where each part sits below the entry, for messages: `portNumber.port`, `tcp.destinationPort.range.start`. */
  readonly paths: { readonly number?: string; readonly start?: string; readonly end?: string; readonly range?: string };
  /** Maps written empty that must hold a field (`tcp: {}`), by path below the entry. */
  readonly emptyMaps: readonly { readonly path: string; readonly span: Span }[];
  /** Maps that hold more than one of their exactly-one-of fields, by path below the entry. */
  readonly crowded: readonly { readonly path: string; readonly keys: readonly string[]; readonly span: Span }[];
  readonly kind: 'number' | 'range' | 'named' | 'unknown';
  /** As written (v1alpha1 `protocol`) or the v1alpha2 key (`tcp` -> TCP); absent: TCP, the default. */
  readonly protocol?: Field<string>;
  readonly number?: Field<number>;
  readonly start?: Field<number>;
  readonly end?: Field<number>;
  readonly name?: Field<string>;
}
