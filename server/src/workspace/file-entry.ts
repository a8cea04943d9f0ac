/** One workspace file: its text, its analysis, and the objects the index needs from it. */
import { analyzeText, type FileAnalysis } from '../analysis/analyze-file';
import { DIALECTS } from '../dialects/registry';
import type { TierObject } from '../dialects/dialect';
import { readNamespace, type NamespaceObject } from '../model/namespaces';
import { readService, type ServiceObject } from '../model/services';
import { readWorkload, type WorkloadObject } from '../model/workloads';
import { indexWorkload, type IndexedWorkload } from './indexed-workload';

export interface FileEntry {
  readonly uri: string;
  readonly text: string;
  readonly analysis: FileAnalysis;
  readonly namespaces: readonly NamespaceObject[];
  readonly workloads: readonly WorkloadObject[];
  /** The same workloads as the index reads them. */
  readonly indexedWorkloads: readonly IndexedWorkload[];
  readonly services: readonly ServiceObject[];
  /** Objects that order policies in tiers (each dialect's readTiers): part of the shape, not of the policies. */
  readonly tiers: readonly TierObject[];
  /**
   * Everything but the policies, as text: when an edit leaves it unchanged, the
   * reachability engine only has to replace this file's policies.
   */
  readonly shapeKey: string;
}

/** `analysis` lets the language server pass the parse its document cache already holds. */
export function readFileEntry(uri: string, text: string, analysis: FileAnalysis = analyzeText(text)): FileEntry {
  const namespaces: NamespaceObject[] = [];
  const workloads: WorkloadObject[] = [];
  const services: ServiceObject[] = [];
  for (const ref of analysis.objects) {
    const ns = readNamespace(ref);
    if (ns) namespaces.push(ns);
    const workload = readWorkload(ref);
    if (workload) workloads.push(workload);
    const service = readService(ref);
    if (service) services.push(service);
  }
  const tiers = DIALECTS.flatMap((dialect) => dialect.readTiers?.(analysis.objects) ?? []);
  const indexedWorkloads = workloads.map((w) => indexWorkload(uri, w));
  return { uri, text, analysis, namespaces, workloads, indexedWorkloads, services, tiers, shapeKey: shapeKey(namespaces, workloads, tiers) };
}

function shapeKey(namespaces: readonly NamespaceObject[], workloads: readonly WorkloadObject[], tiers: readonly TierObject[]): string {
  const ns = namespaces.map((n) => [n.name.value, n.ref.node.span.start, n.labels.map((l) => [l.key.value, l.value.value])]);
  const wl = workloads.map(workloadShape);
  // Files without tiers keep the two-part key, which callers compare with the empty shape `[[],[]]`.
  return JSON.stringify(tiers.length > 0 ? [ns, wl, tiers] : [ns, wl]);
}

/** What a workload contributes to its file's shape; all but its place is kept per workload object (one per unchanged document). */
const WORKLOAD_SHAPES = new WeakMap<WorkloadObject, string>();

function workloadShape(w: WorkloadObject): string {
  let shape = WORKLOAD_SHAPES.get(w);
  if (shape === undefined) {
    const labels = w.podLabels.map((l) => [l.key.value, l.value.value]);
    const ports = w.containerPorts.map((p) => [p.name, p.port, p.protocol]);
    shape = JSON.stringify([w.kind, w.name.value, w.namespace, w.owner?.kind, w.owner?.name, labels, ports]);
    WORKLOAD_SHAPES.set(w, shape);
  }
  // The place is read now: it moves when an edit above moves the document.
  return `${shape}@${w.ref.node.span.start}-${w.ref.node.span.end}-${w.podLabelsSpan.start}`;
}
