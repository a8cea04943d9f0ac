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

/** The shape of a file with no namespaces, workloads or tiers. */
export const EMPTY_SHAPE = '';

/**
 * One line per namespace and workload (JSON holds no raw newline, so the lines cannot run
 * into each other), then the tiers. Built from per-object parts kept while the document is
 * unchanged: one JSON text of everything, rebuilt after each keystroke, cost a 50,000-line
 * file about a millisecond a keystroke, most of it escaping the quotes of the kept parts.
 */
function shapeKey(namespaces: readonly NamespaceObject[], workloads: readonly WorkloadObject[], tiers: readonly TierObject[]): string {
  const lines: string[] = [];
  for (const n of namespaces) lines.push(namespaceShape(n));
  for (const w of workloads) lines.push(workloadShape(w));
  if (tiers.length > 0) lines.push(`T${JSON.stringify(tiers)}`);
  return lines.join('\n');
}

/** What a namespace or workload contributes to its file's shape, but its place; kept per object (one per unchanged document). */
const SHAPES = new WeakMap<NamespaceObject | WorkloadObject, string>();

function namespaceShape(n: NamespaceObject): string {
  let shape = SHAPES.get(n);
  if (shape === undefined) {
    shape = `N${JSON.stringify([n.name.value, n.labels.map((l) => [l.key.value, l.value.value])])}`;
    SHAPES.set(n, shape);
  }
  // The place is read now: it moves when an edit above moves the document.
  return `${shape}@${n.ref.node.span.start}`;
}

function workloadShape(w: WorkloadObject): string {
  let shape = SHAPES.get(w);
  if (shape === undefined) {
    const labels = w.podLabels.map((l) => [l.key.value, l.value.value]);
    const ports = w.containerPorts.map((p) => [p.name, p.port, p.protocol]);
    shape = `W${JSON.stringify([w.kind, w.name.value, w.namespace, w.owner?.kind, w.owner?.name, labels, ports])}`;
    SHAPES.set(w, shape);
  }
  return `${shape}@${w.ref.node.span.start}-${w.ref.node.span.end}-${w.podLabelsSpan.start}`;
}
