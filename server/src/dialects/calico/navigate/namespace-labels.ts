/**
 * The labels Calico sees on a namespace: its own, Kubernetes' name label, and Calico's
 * own name label, which Calico sets as Kubernetes sets kubernetes.io/metadata.name.
 */
import { buildLabelStats, type LabelStats } from '../../../analysis/navigate/label-stats';
import type { Universe } from '../../../analysis/navigate/universe';
import type { ReachNamespace } from '../../../evaluate/types';

/** The Calico name label of a namespace. */
export const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

export function calicoNamespaceLabels(ns: ReachNamespace): ReadonlyMap<string, string> {
  return new Map([...ns.labels.labels, [CALICO_NAMESPACE_NAME_LABEL, ns.name]]);
}

const STATS = new WeakMap<Universe, LabelStats>();

/** The namespace label statistics of a Universe with Calico's name label added, for Calico namespace selectors; once per Universe. */
export function calicoNamespaceLabelStats(universe: Universe): LabelStats {
  let stats = STATS.get(universe);
  if (!stats) {
    stats = buildLabelStats([...universe.namespaces.values()].map((ns) => ({ labels: calicoNamespaceLabels(ns), weight: 1 })));
    STATS.set(universe, stats);
  }
  return stats;
}
