/**
 * Calico's evaluation order across the workspace, for hovers and diagnostics:
 *
 *   calicoOrderLookup(() => index)                   // the policies around a hovered one (from ExplainOptions.workspace)
 *   calicoWorkspaceFindings(uri, analysis, index)     // ordering traps that involve other files or Kubernetes policies
 *
 * Both compare policy shapes (calico/ordering), Kubernetes NetworkPolicies
 * included as Calico runs them (order 1000 in the default tier). The shapes of
 * the whole workspace are computed once per index, and only when asked for.
 */
import { calicoPoliciesOf } from './reading';
import type { FileAnalysis } from '../../analysis/file-analysis';
import type { WorkspaceView } from '../../analysis/workspace-view';
import type { Finding } from '../../core/finding';
import { effectiveNamespace } from './model/defaults';
import { compareEvaluation, sameOrder } from './model/policy-order';
import type { CalicoPolicy } from './model/types';
import { calicoShape } from './ordering/calico-shapes';
import { mayShareEndpoints } from './ordering/covers';
import { kubernetesShape } from './ordering/kubernetes-shapes';
import { orderingFindings } from './ordering/ordering-findings';
import type { PolicyShape } from './ordering/shapes';
import type { Tier } from '../../ir/policy-ir';
import { kubernetesPoliciesOf } from '../kubernetes/reading';
import { storedPolicy } from '../kubernetes/stored-policy';

/** One policy in Calico's evaluation order, as the hover of a Calico policy lists them. */
export interface CalicoOrderEntry {
  /** `GlobalNetworkPolicy "default-deny" (order 5000)`, `Kubernetes NetworkPolicy "shop/web" (order 1000 for Calico)`. */
  readonly title: string;
  readonly tier: string;
  /** The hovered policy itself. */
  readonly current: boolean;
  /** Same tier and order as the hovered policy: only the names decide which runs first. */
  readonly sameOrder: boolean;
  /** The file it is written in, when another than the hovered policy's. */
  readonly file?: string;
}

/**
 * Lists the workspace's policies that can apply to the same pods as a Calico
 * policy, in Calico's evaluation order (Kubernetes ones at order 1000), the
 * policy itself included.
 */
export type CalicoOrderLookup = (policy: CalicoPolicy) => readonly CalicoOrderEntry[];

/** What the ordering reads of the workspace: every policy that exists for the cluster, as shapes, and the Tier objects by name. */
interface OrderedWorkspace {
  readonly shapes: readonly PolicyShape[];
  readonly tiers: ReadonlyMap<string, Tier>;
}

const ORDERED = new WeakMap<WorkspaceView, OrderedWorkspace>();

/** Calico policies it would reject are left out; the first Tier of a name wins, as in the index. */
function orderedWorkspace(workspace: WorkspaceView): OrderedWorkspace {
  let ordered = ORDERED.get(workspace);
  if (!ordered) {
    const tiers = workspace.tiers;
    const calico: PolicyShape[] = [];
    const kubernetes: PolicyShape[] = [];
    for (const { uri, analysis } of workspace.policyFiles()) {
      for (const policy of calicoPoliciesOf(analysis)) if (!workspace.rejected(analysis, policy.ref)) calico.push(calicoShape(uri, policy, tiers));
      for (const policy of kubernetesPoliciesOf(analysis)) kubernetes.push(kubernetesShape(uri, storedPolicy(policy, analysis.profile), tiers));
    }
    ordered = { shapes: [...calico, ...kubernetes], tiers };
    ORDERED.set(workspace, ordered);
  }
  return ordered;
}

/** The last segment of a uri, as people name their files. */
function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function sameCalicoPolicy(shape: PolicyShape, policy: CalicoPolicy): boolean {
  if (shape.origin.kind !== 'calico') return false;
  const other = shape.origin.policy;
  return other === policy || (other.kind === policy.kind && effectiveNamespace(other) === effectiveNamespace(policy) && other.metadata.name?.value === policy.metadata.name?.value);
}

/**
 * For a hovered Calico policy: it and every workspace policy that can apply to
 * some of the same pods in a direction it applies to, in evaluation order. The
 * hovered policy may be newer than the index (an unsaved edit): its indexed copy
 * is replaced by it.
 */
export function calicoOrderLookup(index: () => WorkspaceView): CalicoOrderLookup {
  return (policy: CalicoPolicy): readonly CalicoOrderEntry[] => {
    const workspace = orderedWorkspace(index());
    const shapes = workspace.shapes;
    const stale = shapes.find((s) => sameCalicoPolicy(s, policy));
    const hovered = calicoShape(stale?.uri ?? '', policy, workspace.tiers);
    const around = shapes.filter((s) => !sameCalicoPolicy(s, policy) && s.types.some((d) => hovered.types.includes(d)) && mayShareEndpoints(hovered, s));
    return [hovered, ...around]
      .sort((a, b) => compareEvaluation(a.key, b.key))
      .map((s) => ({
        title: s.title,
        tier: s.key.tier,
        current: s === hovered,
        sameOrder: s !== hovered && sameOrder(s.key, hovered.key),
        ...(s !== hovered && s.uri !== hovered.uri && { file: fileName(s.uri) }),
      }));
  };
}

/**
 * Ordering traps of the file's Calico policies that involve policies of other
 * files, or Kubernetes NetworkPolicies: the file's own check (calico/checks)
 * reports those among its Calico policies, so nothing is reported twice.
 */
export function calicoWorkspaceFindings(uri: string, analysis: FileAnalysis, index: WorkspaceView): Finding[] {
  if (calicoPoliciesOf(analysis).length === 0) return [];
  const workspace = orderedWorkspace(index);
  const targets = calicoPoliciesOf(analysis).map((p) => calicoShape(uri, p, workspace.tiers));
  const others = workspace.shapes.filter((s) => s.uri !== uri || s.origin.kind === 'kubernetes');
  return orderingFindings(targets, [...targets, ...others], {
    reports: (other) => others.includes(other),
    where: (other) => (other.uri === uri ? '' : ` in ${fileName(other.uri)}`),
    tieOnBoth: true,
    ownRules: false,
  });
}
