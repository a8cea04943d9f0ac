/**
 * The evaluator's inputs: plain data the workspace index builds (namespaces,
 * workloads, and policies already lowered into the policy IR by their dialect),
 * so the evaluator never sees YAML, LSP types or a dialect.
 */
import type { LabelSet } from '../model/selectors';
import type { DeclaredPort } from '../ir/rule-ports';
import type { IpRange } from '../ir/ip-range';
import type { Lowered, RejectedPolicy, SourceRef, Tier } from '../ir/policy-ir';

export type { PolicyProblem, PolicyRef, SourceRef } from '../ir/policy-ir';

export interface ReachNamespace {
  readonly name: string;
  /** Including the automatic `kubernetes.io/metadata.name` label. */
  readonly labels: LabelSet;
  /** Absent for a namespace only mentioned in some object's metadata.namespace. */
  readonly source?: SourceRef;
}

export type ReachContainerPort = DeclaredPort;

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
  /** Its pods use their node's network (`hostNetwork: true`). */
  readonly hostNetwork?: boolean;
}

/** A lowered policy (or its rejection) and the file it came from. */
export interface LoweredInput {
  readonly uri: string;
  readonly lowered: Lowered;
}

export interface ReachInput {
  readonly namespaces: readonly ReachNamespace[];
  readonly workloads: readonly ReachWorkload[];
  /** Read once, in order (it may lower as it goes). */
  readonly policies: Iterable<LoweredInput>;
  /** Declared tiers first (a workspace's Tier objects), then the dialects' own; the first of a name wins. */
  readonly tiers?: readonly Tier[];
  /**
   * The pod address ranges an address range in a policy may match (the cluster profile's
   * podCidrs, when it says the plugin matches pod addresses). Empty: address ranges match
   * only addresses outside the cluster.
   */
  readonly podAddresses?: readonly IpRange[];
  /** The pod ranges as the profile wrote them, for traces (known even when podAddresses is empty). */
  readonly podCidrs?: readonly string[];
  /** The pod ranges whatever the plugin does: what an address range a dialect matches against pods (podsByAddress) is compared with. */
  readonly podRanges?: readonly IpRange[];
  /** The network plugin the profile names, for traces (`generic` when absent). */
  readonly plugin?: string;
  /** Whether the plugin matches pod addresses against address ranges, for traces (podAddresses decides). */
  readonly ipBlocksMatchPods?: boolean;
  /**
   * How host-networked pods take part: `node` (the default, as most plugins do: no policy
   * selects them, pod selectors never match them, an address range matches them when it
   * covers nodeAddresses) or `pod` (ordinary pods with their labels).
   */
  readonly hostNetwork?: 'node' | 'pod';
  /** The nodes' address ranges (the profile's nodeCidrs). */
  readonly nodeAddresses?: readonly IpRange[];
  readonly nodeCidrs?: readonly string[];
}

/** A policy left out because the API server would reject it. */
export type SkippedPolicy = RejectedPolicy;
