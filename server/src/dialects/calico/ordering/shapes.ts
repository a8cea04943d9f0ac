/**
 * Policies and rules reduced to what decides which traffic they match, for the
 * ordering checks ("is this Deny ever reached?") and the DNS check. Calico
 * policies and Kubernetes NetworkPolicies (as Calico runs them: order 1000,
 * Allow rules) share these shapes, so one set of comparisons serves both.
 *
 * Scoping follows Calico's conversion of a rule for Felix: a rule side's selector
 * is limited to the policy's namespace, or to the namespaces of its
 * `namespaceSelector`, as soon as any selector field is used.
 */
import type { Span } from '../../../core/parse/yaml-tree';
import type { SelectorNode } from '../selector/ast';
import type { ParsedNet } from '../model/cidr';
import type { NamespaceScopeOf } from '../model/entity-scope';
import type { EvaluationKey } from '../model/policy-order';
import type { CalicoPolicy } from '../model/types';
import type { NetworkPolicy } from '../../../model/types';

export type Direction = 'ingress' | 'egress';

/** Which namespaces a scoped rule side can match endpoints in. */
export type NamespaceScope = NamespaceScopeOf<SelectorNode>;

export type PortShape = { readonly kind: 'range'; readonly min: number; readonly max: number } | { readonly kind: 'named'; readonly name: string };

export interface EntityShape {
  /** True when the side only matches endpoints (a selector field is used); addresses outside the cluster never match it. */
  readonly scoped: boolean;
  readonly namespaces: NamespaceScope;
  readonly selector?: SelectorNode;
  readonly notSelector?: SelectorNode;
  readonly nets?: readonly ParsedNet[];
  readonly notNets?: readonly ParsedNet[];
  /** Destination ports; on a source side they are source ports. */
  readonly ports?: readonly PortShape[];
  readonly notPorts?: readonly PortShape[];
  /** Service accounts or Services: nothing offline can compare them, so such a side covers nothing. */
  readonly opaque: boolean;
}

export interface RuleShape {
  readonly direction: Direction;
  readonly index: number;
  readonly action: string;
  readonly protocol?: number;
  readonly notProtocol?: number;
  readonly ipVersion?: number;
  /** ICMP matches as canonical text (`type/code`), compared for equality only. */
  readonly icmp?: string;
  readonly notIcmp?: string;
  readonly http: boolean;
  readonly source: EntityShape;
  readonly destination: EntityShape;
  /** The rule as written, for findings and related locations. */
  readonly span: Span;
  readonly actionSpan?: Span;
}

export type PolicyOrigin = { readonly kind: 'calico'; readonly policy: CalicoPolicy } | { readonly kind: 'kubernetes'; readonly policy: NetworkPolicy };

export interface PolicyShape {
  readonly uri: string;
  readonly origin: PolicyOrigin;
  readonly key: EvaluationKey;
  /** The namespace of a namespaced policy; undefined for a GlobalNetworkPolicy. */
  readonly namespace?: string;
  /** Undefined when the selector is invalid: such a policy is never compared. */
  readonly selector?: SelectorNode;
  /** GlobalNetworkPolicy only; absent means every namespace. */
  readonly namespaceSelector?: SelectorNode;
  /** Applies to endpoints this engine cannot enumerate (service accounts, host endpoints only). */
  readonly restricted: boolean;
  readonly types: readonly Direction[];
  readonly rules: Readonly<Record<Direction, readonly RuleShape[]>>;
  /** `GlobalNetworkPolicy "default-deny" (order 5000)`, for messages. */
  readonly title: string;
  /** `"shop/web"` or `"default-deny"`: the name alone, quoted, for messages. */
  readonly name: string;
  /** Where findings about the policy's position point: its `order` value, else its name. */
  readonly anchor: Span;
}

const FACTS = new Map<string, SelectorNode>();

/** A synthetic `key == "value"` node, for facts such as "the endpoint is in namespace n"; one node per fact, so answers about it are remembered. */
export function equalsNode(key: string, value: string): SelectorNode {
  const id = `${key}\u0000${value}`;
  let node = FACTS.get(id);
  if (!node) {
    const span = { start: 0, end: 0 };
    node = { kind: 'compare', operator: '==', key, value, span, keySpan: span, valueSpan: span };
    if (FACTS.size > 10_000) FACTS.clear();
    FACTS.set(id, node);
  }
  return node;
}
