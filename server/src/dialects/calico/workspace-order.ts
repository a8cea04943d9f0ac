/**
 * Calico's evaluation order across the workspace, for hovers and diagnostics:
 *
 *   calicoOrderLookup(() => index)                   // ExplainOptions.calicoOrder: the policies around a hovered one
 *   calicoWorkspaceFindings(uri, analysis, index)     // ordering traps that involve other files or Kubernetes policies
 *
 * Both compare policy shapes (calico/ordering), Kubernetes NetworkPolicies
 * included as Calico runs them (order 1000 in the default tier). The shapes of
 * the whole workspace are computed once per index, and only when asked for.
 */
import type { FileAnalysis } from '../../analysis/analyze-file';
import type { CalicoOrderEntry, CalicoOrderLookup } from '../../analysis/explain/types';
import type { Finding } from '../../core/finding';
import { effectiveNamespace } from './model/defaults';
import { compareEvaluation, sameOrder } from './model/evaluation-order';
import type { CalicoPolicy } from './model/types';
import { calicoShape } from './ordering/calico-shapes';
import { mayShareEndpoints } from './ordering/covers';
import { kubernetesShape } from './ordering/kubernetes-shapes';
import { orderingFindings } from './ordering/ordering-findings';
import type { PolicyShape } from './ordering/shapes';
import type { KubernetesPolicyInput } from '../kubernetes/reach/compiled-types';
import type { CalicoPolicyInput } from './reach/compile';
import type { Tier } from '../../ir/policy-ir';

/** What the ordering findings read of the workspace index: every policy and the Tier objects. */
interface WorkspaceIndex {
  readonly policies: readonly KubernetesPolicyInput[];
  readonly calicoPolicies: readonly CalicoPolicyInput[];
  readonly tiers: ReadonlyMap<string, Tier>;
}

const SHAPES = new WeakMap<WorkspaceIndex, PolicyShape[]>();

/** Every policy of the workspace that exists for the cluster: Calico ones it would reject are left out. */
function workspaceShapes(index: WorkspaceIndex): PolicyShape[] {
  let shapes = SHAPES.get(index);
  if (!shapes) {
    const calico = index.calicoPolicies.filter((c) => c.problems.length === 0).map((c) => calicoShape(c.uri, c.policy, index.tiers));
    const kubernetes = index.policies.map((p) => kubernetesShape(p.uri, p.policy, index.tiers));
    shapes = [...calico, ...kubernetes];
    SHAPES.set(index, shapes);
  }
  return shapes;
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
export function calicoOrderLookup(index: () => WorkspaceIndex): CalicoOrderLookup {
  return (policy: CalicoPolicy): readonly CalicoOrderEntry[] => {
    const workspace = index();
    const shapes = workspaceShapes(workspace);
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
export function calicoWorkspaceFindings(uri: string, analysis: FileAnalysis, index: WorkspaceIndex): Finding[] {
  if (analysis.calicoPolicies.length === 0) return [];
  const targets = analysis.calicoPolicies.map((p) => calicoShape(uri, p, index.tiers));
  const others = workspaceShapes(index).filter((s) => s.uri !== uri || s.origin.kind === 'kubernetes');
  return orderingFindings(targets, [...targets, ...others], {
    reports: (other) => others.includes(other),
    where: (other) => (other.uri === uri ? '' : ` in ${fileName(other.uri)}`),
    tieOnBoth: true,
    ownRules: false,
  });
}
