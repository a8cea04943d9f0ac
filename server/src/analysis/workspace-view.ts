/**
 * What the hooks of a dialect may read of the whole workspace (the workspace index
 * provides it): the workloads and namespaces that selectors match, with what every
 * cluster runs, and every file's policies and the tiers.
 * Declared here, below the workspace layer, so dialects can read the workspace
 * without importing it.
 */
import type { Finding } from '../core/finding';
import type { ReachContainerPort, ReachWorkload } from '../evaluate/types';
import type { Tier } from '../ir/policy-ir';
import type { CompiledSelector, LabelSet } from '../model/selectors';
import type { ObjectRef } from '../model/types';
import type { FileAnalysis } from './file-analysis';
import type { LabelCarrier } from './nearest-labels';

/** A workload every cluster runs without a manifest (the cluster DNS). */
interface ImplicitWorkload {
  readonly namespace: string;
  readonly labels: LabelSet;
  readonly ports: readonly ReachContainerPort[];
}

export interface WorkspaceView {
  /** The workspace's own workloads, in a stable order. */
  readonly workloads: readonly ReachWorkload[];
  /** Workloads every cluster runs that the workspace does not declare. */
  readonly clusterWorkloads: readonly ImplicitWorkload[];
  /** Namespaces every cluster has that the workspace does not mention. */
  readonly clusterNamespaces: readonly { readonly name: string }[];
  /** Workloads in `namespace` whose pod labels match `selector`. */
  workloadsSelectedBy(namespace: string, selector: CompiledSelector): readonly ReachWorkload[];
  /** The workloads of `namespace`, in the order of `workloads`. */
  workloadsIn(namespace: string): readonly ReachWorkload[];
  /** Namespaces whose labels (with the automatic name label) match `selector`, by name. */
  namespacesSelectedBy(selector: CompiledSelector): readonly { readonly name: string }[];
  /** The workloads of these namespaces, declared and implicit, as a did-you-mean names them. */
  podCarriers(namespaces: readonly string[]): readonly LabelCarrier[];
  namespaceCarriers(): readonly LabelCarrier[];
  /** Every file with its analysis (each dialect reads its own policies from it), in a stable order. */
  policyFiles(): readonly { readonly uri: string; readonly analysis: FileAnalysis }[];
  /** Whether the API server would reject the object (analysis/rejections.ts). */
  rejected(analysis: FileAnalysis, ref: ObjectRef): boolean;
  /** Tier objects by name (the first declaration of a name wins). */
  readonly tiers: ReadonlyMap<string, Tier>;
}

/** A dialect's findings that need the whole workspace. */
export interface WorkspaceFindingHooks<P> {
  /**
   * Findings of one policy that depend only on its own document and on the workspace's
   * namespaces and workloads (labels and ports): they are kept per document while those
   * stay the same, and there are none in a workspace without workloads.
   */
  policyFindings?(policy: P, workspace: WorkspaceView): Finding[];
  /** Findings of a file's policies that depend on other files' policies: computed on every request. */
  fileFindings?(uri: string, analysis: FileAnalysis, workspace: WorkspaceView): Finding[];
}
