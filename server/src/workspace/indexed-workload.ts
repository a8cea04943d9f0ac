/**
 * A workload as the index and the evaluator read it: its id, pod labels as a label set,
 * declared ports and source. Made when its file is read (file-entry.ts), while the
 * objects just parsed are at hand, and kept per workload object: an edit re-reads only
 * the document it changed, so the other workloads of the file stay the same objects.
 */
import type { ReachWorkload } from '../evaluate/types';
import { labelSetFromEntries } from '../model/selectors';
import type { WorkloadObject } from '../model/workloads';

export interface IndexedWorkload extends ReachWorkload {
  readonly object: WorkloadObject;
}

/** A Pod owned by a controller is reported as its owner: `ns/owner[OwnerKind]`. */
function workloadId(w: WorkloadObject): string {
  return w.owner ? `${w.namespace}/${w.owner.name}[${w.owner.kind}]` : `${w.namespace}/${w.name.value}[${w.kind}]`;
}

/**
 * Indexed workloads by their object: the index is rebuilt after every change, but a
 * workload read from a document the change did not touch is the same object (and its
 * spans move with its document), so its label set is built once.
 */
const INDEXED = new WeakMap<WorkloadObject, IndexedWorkload>();

export function indexWorkload(uri: string, w: WorkloadObject): IndexedWorkload {
  const known = INDEXED.get(w);
  if (known?.source.uri === uri) return known;
  const indexed = newIndexedWorkload(uri, w);
  INDEXED.set(w, indexed);
  return indexed;
}

function newIndexedWorkload(uri: string, w: WorkloadObject): IndexedWorkload {
  return {
    id: workloadId(w),
    namespace: w.namespace,
    name: w.owner?.name ?? w.name.value,
    kind: w.owner?.kind ?? w.kind,
    labels: labelSetFromEntries(w.podLabels),
    ports: w.containerPorts.map((p) => ({ ...(p.name !== undefined && { name: p.name }), port: p.port, protocol: p.protocol })),
    source: { uri, span: w.ref.node.span },
    labelsSource: { uri, span: w.podLabelsSpan },
    ...(w.hostNetwork && { hostNetwork: true }),
    object: w,
  };
}
