/**
 * The typed model of Calico policies (projectcalico.org/v3 NetworkPolicy and
 * GlobalNetworkPolicy), read from the YAML tree with every field's span, in the
 * same forgiving way as the Kubernetes model: a field of the wrong shape is simply
 * absent here (the schema check reports it), so every later stage can work on
 * whatever part of a half-typed policy is already meaningful.
 */
import type { Span, YNode, YScalar } from '../../../core/parse/yaml-tree';
import type { Field, ListField, Metadata, ObjectRef } from '../../../model/types';
import type { LocalSpan, SelectorParse } from '../selector/ast';

export type { Field, ListField, Span };

export type CalicoPolicyKind = 'NetworkPolicy' | 'GlobalNetworkPolicy';

export const CALICO_API_VERSION = 'projectcalico.org/v3';

/** Where a selector sits, which decides what it selects and what it may contain. */
export type SelectorRole =
  /** `spec.selector`: the endpoints the policy applies to. */
  | 'policy-selector'
  /** `spec.namespaceSelector` of a GlobalNetworkPolicy: the namespaces it applies in. */
  | 'policy-namespace-selector'
  | 'policy-service-account-selector'
  /** `source`/`destination` `selector` and `notSelector`: endpoints and network sets. */
  | 'entity-selector'
  | 'entity-not-selector'
  /** `source`/`destination` `namespaceSelector`: the only place `global()` is allowed. */
  | 'entity-namespace-selector'
  | 'service-account-selector';

/**
 * A selector expression as written, parsed once. `parse` holds the syntax tree or
 * the syntax error; `selectorSpanToFile` maps ranges of the selector text onto the file.
 */
export interface CalicoSelector {
  readonly role: SelectorRole;
  /** The key (`selector`, `notSelector`, ...) as written. */
  readonly keySpan: Span;
  /** The value node: a string scalar, or another node when the type is wrong. */
  readonly node: YNode | null;
  /** The selector text: the scalar's value ("" for `key:` with no value). */
  readonly text: string;
  /** The span of the value node, or an empty span after the key when there is none. */
  readonly span: Span;
  readonly scalar?: YScalar;
  /** File offsets of each UTF-16 unit of `text` (and one past the end), when known. */
  readonly offsets?: readonly number[];
  readonly parse: SelectorParse;
}

export interface IcmpMatch {
  readonly span: Span;
  readonly keySpan: Span;
  readonly type?: Field<number>;
  readonly code?: Field<number>;
}

export type CalicoPortKind = 'single' | 'range' | 'named';

/** One entry of `ports`/`notPorts`: `80`, `"8000:8080"` or `"http"`. */
export interface CalicoPort {
  readonly span: Span;
  readonly raw: Field<number | string>;
  /** Absent when the entry is not a valid port: the ports check says why. */
  readonly kind?: CalicoPortKind;
  readonly min?: number;
  readonly max?: number;
  readonly name?: string;
  /** Why the entry is not a valid port, as Calico would reject it. */
  readonly problem?: string;
}

export interface ServiceAccountMatch {
  readonly span: Span;
  readonly keySpan: Span;
  readonly names?: ListField<Field<string>>;
  readonly selector?: CalicoSelector;
}

export interface ServiceMatch {
  readonly span: Span;
  readonly keySpan: Span;
  readonly name?: Field<string>;
  readonly namespace?: Field<string>;
}

/** `source` or `destination` of a rule. */
export interface EntityRule {
  readonly span: Span;
  readonly keySpan: Span;
  readonly node: YNode;
  readonly selector?: CalicoSelector;
  readonly notSelector?: CalicoSelector;
  readonly namespaceSelector?: CalicoSelector;
  readonly nets?: ListField<Field<string>>;
  readonly notNets?: ListField<Field<string>>;
  readonly ports?: ListField<CalicoPort>;
  readonly notPorts?: ListField<CalicoPort>;
  readonly serviceAccounts?: ServiceAccountMatch;
  readonly services?: ServiceMatch;
}

export type RuleDirection = 'ingress' | 'egress';

export interface CalicoRule {
  readonly direction: RuleDirection;
  /** 0-based position in the ingress or egress list. */
  readonly index: number;
  readonly span: Span;
  readonly node: YNode;
  /** As written; the rule check reports values other than Allow, Deny, Log and Pass. */
  readonly action?: Field<string>;
  /** A protocol name or number, as written. */
  readonly protocol?: Field<string | number>;
  readonly notProtocol?: Field<string | number>;
  readonly ipVersion?: Field<number>;
  readonly icmp?: IcmpMatch;
  readonly notICMP?: IcmpMatch;
  readonly source?: EntityRule;
  readonly destination?: EntityRule;
  /** Present when the rule has an `http` match (application layer policy); not modelled further. */
  readonly http?: { readonly span: Span; readonly keySpan: Span };
}

export interface CalicoPolicySpec {
  readonly span?: Span;
  readonly keySpan?: Span;
  readonly tier?: Field<string>;
  /** Only a number is an order; anything else is absent here and reported by the spec check. */
  readonly order?: Field<number>;
  readonly selector?: CalicoSelector;
  /** GlobalNetworkPolicy only. */
  readonly namespaceSelector?: CalicoSelector;
  readonly serviceAccountSelector?: CalicoSelector;
  readonly types?: ListField<Field<string>>;
  readonly ingress?: ListField<CalicoRule>;
  readonly egress?: ListField<CalicoRule>;
  /** GlobalNetworkPolicy only: host endpoint modifiers. */
  readonly doNotTrack?: Field<boolean>;
  readonly preDNAT?: Field<boolean>;
  readonly applyOnForward?: Field<boolean>;
  readonly performanceHints?: ListField<Field<string>>;
}

export interface CalicoPolicy {
  readonly ref: ObjectRef;
  readonly kind: CalicoPolicyKind;
  readonly metadata: Metadata;
  readonly spec: CalicoPolicySpec;
}

/** A range of a selector's text, for callers that map it with `selectorSpanToFile`. */
export type { LocalSpan };
