/**
 * Definition, references and code lenses for cluster-wide policies: a subject or a
 * pod peer leads to the workloads it picks; a workload leads to the subjects and
 * peers that pick it.
 */
import { rejectedSelects, workloadCount, type LensHooks } from '../../../analysis/navigate/lens-hooks';
import { namespaceLabelsOf } from '../../../analysis/navigate/universe';
import { workloadLocations, type NavigationHooks, type NavLocation, type PolicyNavTarget } from '../../../analysis/navigate/nav-world';
import type { ClusterPolicy, Selection } from '../model/types';
import { selectedWorkloads, selectsPods } from './selections';

/** Subjects and peers of a policy, each with where it is written. */
function selections(policy: ClusterPolicy): Selection[] {
  const rules = [...(policy.spec?.ingress?.items ?? []), ...(policy.spec?.egress?.items ?? [])];
  return [...(policy.spec?.subject ? [policy.spec.subject] : []), ...rules.flatMap((r) => r.peers?.items ?? [])];
}

function targetAt(policies: readonly ClusterPolicy[], _text: string, offset: number): PolicyNavTarget | undefined {
  const policy = policies.find((p) => p.ref.node.span.start <= offset && offset < p.ref.node.span.end);
  const selection = policy ? selections(policy).find((s) => s.span.start <= offset && offset <= s.span.end && (s.namespaces || s.pods)) : undefined;
  if (!selection) return undefined;
  return { span: selection.span, targets: (universe) => workloadLocations(selectedWorkloads(selection, universe)) };
}

function referencesTo(pods: { readonly namespace: string; readonly labels: ReadonlyMap<string, string> }, uri: string, policy: ClusterPolicy, universe: Parameters<NavigationHooks<ClusterPolicy>['referencesTo']>[3]): NavLocation[] {
  const namespaceLabels = namespaceLabelsOf(universe, pods.namespace);
  return selections(policy)
    .filter((s) => selectsPods(s, namespaceLabels, pods.labels))
    .map((s) => ({ uri, span: s.span, selection: s.keySpan ?? s.span }));
}

export const clusterNavigation: NavigationHooks<ClusterPolicy> = { targetAt, referencesTo };

/** The code lens: the workloads its subject picks. */
export const clusterLenses: LensHooks<ClusterPolicy> = {
  kinds: ['selects'],
  showReachability: true,
  resolve({ policy, rejections, universe }) {
    const selected = policy.spec?.subject ? selectedWorkloads(policy.spec.subject, universe) : [];
    return { title: rejections.length > 0 ? rejectedSelects(selected.length) : `applies to ${workloadCount(selected.length)}`, workloads: selected };
  },
};
