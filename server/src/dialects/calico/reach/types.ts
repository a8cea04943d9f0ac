/**
 * Calico policies as the reachability engine compiles them: selectors parsed
 * once with a cache key, nets as address ranges, ports as port sets, and each
 * rule's `source` / `destination` reduced to what decides a match.
 *
 * The shapes follow how Calico itself converts a v3 rule for Felix: a rule's
 * selector is scoped to the policy's namespace (or to the namespaces of its
 * `namespaceSelector`) as soon as any selector field is used, `notSelector`
 * is not scoped, and addresses outside the cluster never match a selector.
 */
import type { NamespaceScopeOf } from '../model/entity-scope';
import type { SelectorNode } from '../selector/ast';
import type { ConnectionSet } from '../../../ir/connection-set';
import type { IpRange } from '../../../ir/ip-range';
import type { PortSet } from '../../../ir/port-set';
import type { PolicyRef, SourceRef } from '../../../ir/policy-ir';

export type CalicoAction = 'Allow' | 'Deny' | 'Pass' | 'Log';

/** A parsed selector with the canonical text that keys match caches. */
export interface CalicoSel {
  readonly ast: SelectorNode;
  readonly key: string;
}

/** Which namespaces the endpoints of a scoped entity may be in (`none`: this engine has no non-namespaced endpoints). */
export type EntityNamespaces = NamespaceScopeOf<CalicoSel>;

/** Destination ports of a rule: numbers per protocol, plus named ports resolved per destination pod. */
export interface CalicoPorts {
  readonly numbers: PortSet;
  readonly names: readonly string[];
}

export interface CompiledEntity {
  /**
   * Present when the entity only matches endpoints (pods): Calico then matches
   * the endpoint's labels, and an address outside the cluster never matches.
   */
  readonly scoped?: { readonly namespaces: EntityNamespaces; readonly selector?: CalicoSel };
  readonly notSelector?: CalicoSel;
  /** Pod addresses are unknown offline, so nets never match a pod (as ipBlock does not). */
  readonly nets?: readonly IpRange[];
  readonly notNets?: readonly IpRange[];
  /** The nets as written, for traces: `10.0.0.0/8, 192.168.0.0/16`. */
  readonly netsText?: string;
  readonly notNetsText?: string;
  /** Only meaningful on the side that is the connection's destination. */
  readonly ports?: CalicoPorts;
  readonly notPorts?: CalicoPorts;
}

export interface CompiledCalicoRule {
  readonly direction: 'ingress' | 'egress';
  readonly index: number;
  readonly action: CalicoAction;
  readonly source: SourceRef;
  /** What the rule's protocol fields match, every port of each: protocols, ICMP types and codes, protocol numbers. */
  readonly protocols: ConnectionSet;
  readonly ipVersion?: 4 | 6;
  readonly from: CompiledEntity;
  readonly to: CompiledEntity;
  /** What the rule matches when no named port makes it depend on the destination pod. */
  readonly uniform?: ConnectionSet;
  /** Parts of the rule this engine cannot evaluate offline; a rule with any never matches here. */
  readonly unmodelled: readonly string[];
}

/** A Calico policy's identity, with its kind and place in Calico's order. */
export type CalicoRef = Omit<PolicyRef, 'title'> & { readonly calico: CalicoRefInfo };

export interface CalicoRefInfo {
  readonly kind: 'NetworkPolicy' | 'GlobalNetworkPolicy';
  readonly tier: string;
  /** Absent: no order (evaluated after every policy of the tier that has one). */
  readonly order?: number;
}

export interface CompiledCalicoPolicy {
  readonly uid: number;
  readonly ref: CalicoRef;
  readonly global: boolean;
  readonly tier: string;
  readonly order?: number;
  /** The name Calico sorts policies of equal order by. */
  readonly sortName: string;
  readonly selector: CalicoSel;
  /** GlobalNetworkPolicy only: the namespaces it applies in. */
  readonly namespaceSelector?: CalicoSel;
  /** False for policies that cannot apply to pods (serviceAccountSelector, host-endpoint flags). */
  readonly appliesToPods: boolean;
  readonly ingress?: readonly CompiledCalicoRule[];
  readonly egress?: readonly CompiledCalicoRule[];
  /** What this engine leaves out of the policy, said in traces and CLI notes. */
  readonly notes: readonly string[];
}
