/**
 * The reachability engine's inputs and compiled forms. Inputs are plain data the
 * workspace index builds (namespaces, workloads, policies with their file uri),
 * so the engine never sees YAML or LSP types.
 */
import type { NetworkPolicy, Span } from '../model/types';
import type { CalicoPolicy } from '../dialects/calico/model/types';
import type { SelectorNode } from '../dialects/calico/selector/ast';
import type { CompiledSelector, LabelSet } from '../model/selectors';
import type { ConnectionSet, Protocol } from '../ir/connection-set';
import type { IpRange } from '../ir/ip-range';
import type { PortSet } from '../ir/port-set';

/** Where something was written: a file and a half-open range of UTF-16 offsets. */
export interface SourceRef {
  readonly uri: string;
  readonly span: Span;
}

export interface ReachNamespace {
  readonly name: string;
  /** Including the automatic `kubernetes.io/metadata.name` label. */
  readonly labels: LabelSet;
  /** Absent for a namespace only mentioned in some object's metadata.namespace. */
  readonly source?: SourceRef;
}

export interface ReachContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
}

export interface ReachWorkload {
  /** `namespace/name[Kind]`, netpol-analyzer's name for a workload. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly labels: LabelSet;
  readonly ports: readonly ReachContainerPort[];
  readonly source: SourceRef;
  /** Where the pod labels were written. */
  readonly labelsSource: SourceRef;
}

/** A NetworkPolicy with its file, and why the API server would reject it (empty when it is valid). */
export interface ReachPolicyInput {
  readonly uri: string;
  readonly policy: NetworkPolicy;
  /** The file analysis's one decision (analysis/rejections.ts); the engine never decides it again. */
  readonly problems: readonly PolicyProblem[];
}

/** A Calico policy with its file, and why Calico would reject it (empty when it is valid). */
export interface ReachCalicoInput {
  readonly uri: string;
  readonly policy: CalicoPolicy;
  readonly problems: readonly PolicyProblem[];
}

/** A Calico Tier object: the order of its policies' group, and what happens at its end. */
export interface ReachTier {
  readonly name: string;
  /** Absent: no order, which Calico treats as infinite (after every tier with one). */
  readonly order?: number;
  /** What happens to traffic no policy of the tier decided: Deny (the default) or Pass. */
  readonly defaultAction: 'Deny' | 'Pass';
  readonly source?: SourceRef;
}

export interface ReachInput {
  readonly namespaces: readonly ReachNamespace[];
  readonly workloads: readonly ReachWorkload[];
  readonly policies: readonly ReachPolicyInput[];
  /** projectcalico.org/v3 NetworkPolicy and GlobalNetworkPolicy objects. */
  readonly calicoPolicies?: readonly ReachCalicoInput[];
  readonly tiers?: readonly ReachTier[];
}

export interface PolicyRef {
  /** `namespace/name`; a Calico GlobalNetworkPolicy has no namespace and is `name`. */
  readonly id: string;
  /** Empty for a GlobalNetworkPolicy. */
  readonly namespace: string;
  readonly name: string;
  readonly source: SourceRef;
  /** Set for Calico policies only, so Kubernetes refs (and their JSON) stay as they were. */
  readonly calico?: CalicoRefInfo;
}

export interface CalicoRefInfo {
  readonly kind: 'NetworkPolicy' | 'GlobalNetworkPolicy';
  readonly tier: string;
  /** Absent: no order (evaluated after every policy of the tier that has one). */
  readonly order?: number;
}

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
  /** Unique per compilation, so caches keyed by it never see an edited policy as unchanged. */
  readonly uid: number;
  readonly ref: PolicyRef;
  readonly podSelector: CompiledSelector;
  /** Present when the policy's effective policyTypes include Ingress. */
  readonly ingress?: readonly CompiledRule[];
  /** Present when the policy's effective policyTypes include Egress. */
  readonly egress?: readonly CompiledRule[];
}

export interface PolicyProblem {
  readonly message: string;
  readonly source: SourceRef;
}

/** A policy the API server would reject: the engine leaves it out and says why in traces. */
export interface SkippedPolicy {
  readonly ref: PolicyRef;
  readonly problems: readonly PolicyProblem[];
  /** Its podSelector when that part is readable, to tell which pods it was meant for. */
  readonly podSelector?: CompiledSelector;
  /** For a Calico policy: its selector when readable, for the same purpose. */
  readonly calicoSelector?: SelectorNode;
}
