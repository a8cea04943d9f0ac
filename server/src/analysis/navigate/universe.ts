/**
 * The workloads and namespaces of a workspace as completion, navigation and code
 * lenses ask about them: workloads grouped per namespace into pod classes (same
 * labels and ports), and label statistics computed once, so a keystroke never
 * walks every workload.
 *
 *   const universe = buildUniverse(index);          // once per workspace shape
 *   universe.podLabels.get('shop')?.byKey.get('app') // how many workloads carry app, per value
 *   universe.namespaceLabels                        // labels of namespaces, name label included
 */
import { NAMESPACE_NAME_LABEL } from '../../model/namespaces';
import type { ReachContainerPort, ReachNamespace, ReachWorkload } from '../../evaluate/types';
import type { LabelSet } from '../../model/selectors';
import { buildLabelStats, type LabelCarrier, type LabelStats } from './label-stats';

/** Workloads of one namespace that no selector can tell apart: same pod labels and container ports. */
export interface PodClass extends LabelCarrier {
  readonly namespace: string;
  readonly labelSet: LabelSet;
  readonly ports: readonly ReachContainerPort[];
  readonly workloads: readonly ReachWorkload[];
}

export interface UniverseInput {
  readonly namespaces: ReadonlyMap<string, ReachNamespace> | Iterable<ReachNamespace>;
  readonly workloads: readonly ReachWorkload[];
}

export interface Universe {
  /** By name, in name order. */
  readonly namespaces: ReadonlyMap<string, ReachNamespace>;
  /** One per id (the first by file and position wins, as in the reachability engine), in id order. */
  readonly workloads: readonly ReachWorkload[];
  readonly classesByNamespace: ReadonlyMap<string, readonly PodClass[]>;
  /** Pod label statistics per namespace. */
  readonly podLabels: ReadonlyMap<string, LabelStats>;
  readonly allPodLabels: LabelStats;
  /** Namespace labels, `kubernetes.io/metadata.name` included. */
  readonly namespaceLabels: LabelStats;
}

export function buildUniverse(input: UniverseInput): Universe {
  const list = input.namespaces instanceof Map ? [...(input.namespaces as ReadonlyMap<string, ReachNamespace>).values()] : [...(input.namespaces as Iterable<ReachNamespace>)];
  const namespaces = new Map([...list].sort((a, b) => compare(a.name, b.name)).map((ns) => [ns.name, ns] as const));
  const workloads = uniqueWorkloads(input.workloads);
  const classesByNamespace = podClasses(workloads);
  const podLabels = new Map([...classesByNamespace].map(([ns, classes]) => [ns, buildLabelStats(classes)] as const));
  const namespaceCarriers = [...namespaces.values()].map((ns) => ({ labels: ns.labels.labels, weight: 1 }));
  return {
    namespaces,
    workloads,
    classesByNamespace,
    podLabels,
    allPodLabels: buildLabelStats([...classesByNamespace.values()].flat()),
    namespaceLabels: buildLabelStats(namespaceCarriers),
  };
}

/** The pod classes of the given namespaces, in namespace order. */
export function classesIn(universe: Universe, namespaces: Iterable<string>): PodClass[] {
  return [...namespaces].flatMap((ns) => universe.classesByNamespace.get(ns) ?? []);
}

/** The labels a namespace is matched by (the automatic name label included, as the index keeps them). */
export function namespaceLabelsOf(universe: Universe, name: string): ReadonlyMap<string, string> {
  return universe.namespaces.get(name)?.labels.labels ?? new Map([[NAMESPACE_NAME_LABEL, name]]);
}

function uniqueWorkloads(workloads: readonly ReachWorkload[]): ReachWorkload[] {
  const sorted = [...workloads].sort((a, b) => compare(a.id, b.id) || compare(a.source.uri, b.source.uri) || a.source.span.start - b.source.span.start);
  return sorted.filter((w, i) => i === 0 || sorted[i - 1]!.id !== w.id);
}

function podClasses(workloads: readonly ReachWorkload[]): Map<string, PodClass[]> {
  const byKey = new Map<string, { namespace: string; labelSet: LabelSet; ports: readonly ReachContainerPort[]; workloads: ReachWorkload[] }>();
  for (const w of workloads) {
    const key = `${w.namespace}\u0000${w.labels.key}\u0000${w.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).sort().join(',')}`;
    const found = byKey.get(key);
    if (found) found.workloads.push(w);
    else byKey.set(key, { namespace: w.namespace, labelSet: w.labels, ports: w.ports, workloads: [w] });
  }
  const result = new Map<string, PodClass[]>();
  for (const c of byKey.values()) {
    const list = result.get(c.namespace) ?? [];
    list.push({ ...c, labels: c.labelSet.labels, weight: c.workloads.length });
    result.set(c.namespace, list);
  }
  return new Map([...result].sort((a, b) => compare(a[0], b[0])));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
