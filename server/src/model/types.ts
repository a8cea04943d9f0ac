/**
 * The typed object model: Kubernetes objects read from YAML, every field with its span.
 *
 * The model is deliberately forgiving. A field of the wrong type is simply absent
 * here (validation reports it from the YAML tree), so every later stage can work
 * on whatever part of a half-typed policy is already meaningful.
 */
import type { Span, YMap, YNode } from '../core/parse/yaml-tree';

export type { Span };

/** A value together with where it was written. `keySpan` is the span of its key, when it has one. */
export interface Field<T> {
  readonly value: T;
  readonly span: Span;
  readonly keySpan?: Span;
}

/** One top-level Kubernetes object: a document, or an item of a `kind: List` document. */
export interface ObjectRef {
  readonly docIndex: number;
  /** Position inside `items:` of a List document, or undefined for a plain document. */
  readonly listIndex?: number;
  readonly node: YMap;
  readonly apiVersion?: Field<string>;
  readonly kind?: Field<string>;
}

export interface Metadata {
  readonly span?: Span;
  readonly name?: Field<string>;
  readonly namespace?: Field<string>;
  readonly labels: readonly LabelEntry[];
  readonly annotations: readonly LabelEntry[];
  readonly creationTimestamp?: Field<string>;
}

export interface LabelEntry {
  readonly key: Field<string>;
  readonly value: Field<string>;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly span: Span;
  readonly key?: Field<string>;
  /** As written; validation reports anything outside SelectorOperator. */
  readonly operator?: Field<string>;
  readonly values: readonly Field<string>[];
  readonly valuesSpan?: Span;
}

/** A metav1.LabelSelector. An empty selector (`{}`) selects everything in its scope. */
export interface LabelSelector {
  /** The selector's value node; `keySpan` is the span of `podSelector`/`namespaceSelector`. */
  readonly span: Span;
  readonly keySpan?: Span;
  readonly node: YNode | null;
  readonly matchLabels: readonly LabelEntry[];
  readonly matchExpressions: readonly SelectorRequirement[];
}

export interface IpBlock {
  readonly span: Span;
  readonly keySpan?: Span;
  readonly cidr?: Field<string>;
  readonly except: readonly Field<string>[];
}

/**
 * A NetworkPolicyPeer. A selector written with a null value (`namespaceSelector:`)
 * is absent here, as it is for the API server; validation finds it in `node`.
 */
export interface Peer {
  readonly span: Span;
  readonly node: YNode;
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlock;
}

export interface PortSpec {
  readonly span: Span;
  readonly node: YNode;
  /** As written; validation reports values other than TCP/UDP/SCTP. */
  readonly protocol?: Field<string>;
  /** A number, or a named container port. */
  readonly port?: Field<number | string>;
  readonly endPort?: Field<number>;
}

/** A list field (`from`, `to`, `ports`, `ingress`, ...) with its own spans. */
export interface ListField<T> {
  readonly span: Span;
  readonly keySpan: Span;
  readonly node: YNode;
  readonly items: readonly T[];
}

export type Direction = 'ingress' | 'egress';

export interface PolicyRule {
  readonly direction: Direction;
  /** 0-based position in the ingress or egress list. */
  readonly index: number;
  readonly span: Span;
  readonly node: YNode;
  /** `from` for ingress rules, `to` for egress rules; absent means "all peers". */
  readonly peers?: ListField<Peer>;
  /** Absent means "all ports". */
  readonly ports?: ListField<PortSpec>;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface NetworkPolicySpec {
  readonly span?: Span;
  readonly keySpan?: Span;
  readonly podSelector?: LabelSelector;
  readonly policyTypes?: ListField<Field<string>>;
  readonly ingress?: ListField<PolicyRule>;
  readonly egress?: ListField<PolicyRule>;
}

export interface NetworkPolicy {
  readonly ref: ObjectRef;
  readonly metadata: Metadata;
  readonly spec: NetworkPolicySpec;
}
