/**
 * A NetworkPolicy compiled for evaluation: selectors compiled, ipBlocks as address
 * ranges, ports as port sets. lower-policy.ts turns it into the policy IR; the
 * features that read a NetworkPolicy's own shape (exposure, code lenses) read it.
 */
import type { NetworkPolicy } from '../../../model/types';
import type { CompiledSelector } from '../../../model/selectors';
import type { ConnectionSet, Protocol } from '../../../ir/connection-set';
import type { IpRange } from '../../../ir/ip-range';
import type { PortSet } from '../../../ir/port-set';
import type { PolicyProblem, PolicyRef, SourceRef } from '../../../ir/policy-ir';

/** A NetworkPolicy with its file, and why the API server would reject it (empty when it is valid). */
export interface KubernetesPolicyInput {
  readonly uri: string;
  readonly policy: NetworkPolicy;
  /** The file analysis's one decision (analysis/rejections.ts); lowering never decides it again. */
  readonly problems: readonly PolicyProblem[];
}

/** The policy's identity before lowering names its place in the order. */
export type WrittenRef = Omit<PolicyRef, 'title'>;

export type CompiledPeer =
  | {
      readonly kind: 'pods';
      /** Undefined: the policy's own namespace. */
      readonly namespaceSelector?: CompiledSelector;
      /** Undefined: every pod of the selected namespaces. */
      readonly podSelector?: CompiledSelector;
      readonly source: SourceRef;
    }
  | { readonly kind: 'ipBlock'; readonly cidr: IpRange; readonly except: readonly IpRange[]; readonly text: string; readonly source: SourceRef };

export type CompiledPort =
  | { readonly kind: 'numbers'; readonly protocol: Protocol; readonly ports: PortSet; readonly source: SourceRef }
  | { readonly kind: 'named'; readonly protocol: Protocol; readonly name: string; readonly source: SourceRef };

export interface CompiledRule {
  readonly direction: 'ingress' | 'egress';
  /** 0-based position in the policy's ingress or egress list. */
  readonly index: number;
  readonly source: SourceRef;
  /** Null: all peers (the list was missing or empty). */
  readonly peers: readonly CompiledPeer[] | null;
  /** Null: all ports and protocols. */
  readonly ports: readonly CompiledPort[] | null;
  /** The rule's connections when they do not depend on the destination (no named ports). */
  readonly uniform?: ConnectionSet;
}

export interface CompiledPolicy {
  readonly uid: number;
  readonly ref: WrittenRef;
  readonly podSelector: CompiledSelector;
  /** Present when the policy's effective policyTypes include Ingress. */
  readonly ingress?: readonly CompiledRule[];
  /** Present when the policy's effective policyTypes include Egress. */
  readonly egress?: readonly CompiledRule[];
}

/** A policy the API server would reject, with its podSelector when that part is readable. */
export interface SkippedNetworkPolicy {
  readonly ref: WrittenRef;
  readonly problems: readonly PolicyProblem[];
  readonly podSelector?: CompiledSelector;
}
