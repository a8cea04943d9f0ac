/**
 * The workspace index: every namespace, workload, Service and NetworkPolicy of
 * the workspace's files, in a stable order whatever order the files came in.
 *
 *   index.namespaces.get('prod')?.labels            // with kubernetes.io/metadata.name
 *   index.workloadsSelectedBy('prod', selector)     // pods a podSelector picks in a namespace
 *   index.namespacesSelectedBy(selector)            // namespaces a namespaceSelector picks
 *   index.policyFiles()                             // every file with policies, for dialects that read across files
 *   index.reachInput()                              // what the reachability engine needs
 *
 * A namespace mentioned only in some metadata.namespace exists, with the
 * automatic name label alone; objects without a namespace are in `default`.
 * `default` and `kube-system` exist in every cluster, and so does the cluster DNS
 * (`clusterNamespaces`, `clusterWorkloads`, cluster-defaults.ts): selectors match
 * them, while reachability, completion and recipes list only the workspace's own.
 */
import { NAMESPACE_NAME_LABEL, type NamespaceObject } from '../model/namespaces';
import type { ServiceObject } from '../model/services';
import type { FileAnalysis } from '../analysis/analyze-file';
import { DIALECT_TIERS, lowerFile, policyNamespaces } from '../dialects/lower-file';
import type { LoweredInput, ReachInput, ReachNamespace } from '../evaluate/types';
import type { Tier } from '../ir/policy-ir';
import { parseCidr, type IpRange } from '../ir/ip-range';
import { DEFAULT_PROFILE, type ClusterProfile } from '../analysis/profile/cluster-profile';
import { labelSetFromEntries, selectorMatches, type CompiledSelector, type LabelSet } from '../model/selectors';
import { CLUSTER_NAMESPACES, clusterWorkloads, clusterWorkloadsSelectedBy, type ClusterWorkload } from './cluster-defaults';
import type { FileEntry } from './file-entry';
import type { IndexedWorkload } from './indexed-workload';
import { rejectionsOf } from '../analysis/rejections';
import type { ObjectRef } from '../model/types';
import { forEachSteps, runToEnd, sortSteps, stepWork, type Steps } from '../core/steps';
import type { LabelCarrier } from '../analysis/nearest-labels';
import { WorkloadsByNamespace } from './workloads-by-namespace';

export interface IndexedNamespace extends ReachNamespace {
  /** The `kind: Namespace` object, when the workspace declares one. */
  readonly object?: NamespaceObject;
}


export interface IndexedService {
  readonly uri: string;
  readonly service: ServiceObject;
}

export class WorkspaceIndex {
  readonly namespaces = new Map<string, IndexedNamespace>();
  /** Shared with the index it was built from after policy edits: never changed once built. */
  readonly workloads: IndexedWorkload[];
  readonly services: IndexedService[] = [];
  /** Tier objects by name; the first declaration of a name wins. */
  readonly tiers = new Map<string, Tier>();
  /** Each file's analysis, to lower its policies when the evaluator asks (reachInput). */
  private readonly policyFileList: { readonly uri: string; readonly analysis: FileAnalysis }[] = [];
  /** Workloads every cluster runs that the workspace does not declare (the cluster DNS). */
  clusterWorkloads: readonly ClusterWorkload[] = [];
  /**
   * Namespaces every cluster has that the workspace does not mention. Kept apart from
   * `namespaces`, which reachability, completion and recipes list: they answer
   * selectors (findings, hovers), they are not the workspace's own.
   */
  clusterNamespaces: readonly IndexedNamespace[] = [];

  private readonly carriers = new Map<string, readonly LabelCarrier[]>();
  private namespaceCarrierList: readonly LabelCarrier[] | undefined;

  /** `files` in any order: the index sorts by uri so results never depend on it. */
  constructor(files?: Iterable<FileEntry>, previous?: WorkspaceIndex) {
    this.workloads = previous ? previous.workloads : [];
    if (files) runToEnd(this.load(files));
  }

  /**
   * The index built as steps (parse/steps.ts), a step per file, for a workspace of thousands of objects.
   * With `previous`, the files' namespaces, workloads and tiers must be the very objects `previous`
   * was built from (only policies and services changed): those parts are taken from it, so an edit
   * to a policy does not index every workload again.
   */
  static *build(files: Iterable<FileEntry>, previous?: WorkspaceIndex): Steps<WorkspaceIndex> {
    const index = new WorkspaceIndex(undefined, previous);
    yield* index.load(files, previous);
    return index;
  }

  /** Namespaces declared by the files and implied by their workloads: what policy edits leave as it is. */
  private shapeNamespaces = new Map<string, IndexedNamespace>();

  private *load(files: Iterable<FileEntry>, previous?: WorkspaceIndex): Steps<void> {
    const sorted = yield* sortSteps([...files], (a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    if (previous) {
      for (const [name, ns] of previous.shapeNamespaces) this.namespaces.set(name, ns);
      for (const [name, tier] of previous.tiers) this.tiers.set(name, tier);
    } else for (const file of sorted) for (const ns of file.namespaces) this.declareNamespace(file.uri, ns);
    for (const file of sorted) {
      if (!previous) for (const w of file.indexedWorkloads) this.workloads.push(w);
      for (const service of file.services) this.services.push({ uri: file.uri, service });
      for (const tier of previous ? [] : file.tiers) {
        const { name, order, defaultAction } = tier;
        if (!this.tiers.has(name)) this.tiers.set(name, { name, ...(order !== undefined && { order }), endAction: defaultAction, source: { uri: file.uri, span: tier.span } });
      }
      this.policyFileList.push({ uri: file.uri, analysis: file.analysis });
      stepWork.units += (previous ? 0 : file.workloads.length) + file.services.length;
      yield;
    }
    if (previous) {
      this.clusterWorkloads = previous.clusterWorkloads;
      this.shapeNamespaces = previous.shapeNamespaces;
    } else {
      this.clusterWorkloads = clusterWorkloads(this.workloads);
      yield* forEachSteps(this.workloads, (w) => this.implyNamespace(w.namespace));
      this.shapeNamespaces = new Map(this.namespaces);
    }
    yield* forEachSteps(this.policyFileList, (f) => policyNamespaces(f.analysis).forEach((name) => this.implyNamespace(name)));
    for (const s of this.services) this.implyNamespace(s.service.namespace);
    this.clusterNamespaces = CLUSTER_NAMESPACES.filter((name) => !this.namespaces.has(name)).map((name) => ({ name, labels: labelSetFromEntries([], [[NAMESPACE_NAME_LABEL, name]]) }));
  }

  /** Workloads in `namespace` whose pod labels match `selector`. */
  workloadsSelectedBy(namespace: string, selector: CompiledSelector): IndexedWorkload[] {
    return this.byNamespace.selectedBy(namespace, selector);
  }

  /** The workloads of `namespace`, in the order of `workloads`. */
  workloadsIn(namespace: string): readonly IndexedWorkload[] {
    return this.byNamespace.in(namespace);
  }

  private namespaceWorkloads: WorkloadsByNamespace<IndexedWorkload> | undefined;

  /** Built on the first question, once the index is complete (or taken from the last index, when its workloads are the same). */
  private get byNamespace(): WorkloadsByNamespace<IndexedWorkload> {
    this.namespaceWorkloads ??= WorkloadsByNamespace.of(this.workloads);
    return this.namespaceWorkloads;
  }

  /** The implicit workloads of `namespace` whose labels match `selector`. */
  clusterWorkloadsSelectedBy(namespace: string, selector: CompiledSelector): ClusterWorkload[] {
    return clusterWorkloadsSelectedBy(this.clusterWorkloads, namespace, selector);
  }

  /** The workloads of these namespaces, declared and implicit, as a did-you-mean names them. */
  /** The workloads of these namespaces as "did you mean" candidates; one list per set of namespaces, since every selector of a namespace asks. */
  podCarriers(namespaces: readonly string[]): readonly LabelCarrier[] {
    const key = namespaces.join('\n');
    let carriers = this.carriers.get(key);
    if (!carriers) {
      const named = (w: { namespace: string; name: string; labels: LabelSet }): LabelCarrier => ({ labels: w.labels, name: `${w.namespace}/${w.name}` });
      carriers = [...this.workloads, ...this.clusterWorkloads].filter((w) => namespaces.includes(w.namespace)).map(named);
      this.carriers.set(key, carriers);
    }
    return carriers;
  }

  namespaceCarriers(): readonly LabelCarrier[] {
    this.namespaceCarrierList ??= [...this.namespaces.values(), ...this.clusterNamespaces].map((ns) => ({ labels: ns.labels, name: ns.name }));
    return this.namespaceCarrierList;
  }

  /** Namespaces whose labels (with the automatic name label) match `selector`, by name. */
  namespacesSelectedBy(selector: CompiledSelector): IndexedNamespace[] {
    return [...this.namespaces.values(), ...this.clusterNamespaces].filter((ns) => selectorMatches(selector, ns.labels)).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** What the evaluator needs; the policies are lowered as the evaluator reads them, one file at a time. */
  reachInput(profile: ClusterProfile = DEFAULT_PROFILE): ReachInput {
    const ranges = (cidrs: readonly string[]): IpRange[] => cidrs.map(parseCidr).filter((r): r is IpRange => r !== undefined);
    return {
      namespaces: [...this.namespaces.values()],
      workloads: this.workloads,
      policies: this.loweredPolicies(),
      tiers: [...this.tiers.values(), ...DIALECT_TIERS],
      podAddresses: profile.ipBlocksMatchPods ? ranges(profile.podCidrs) : [],
      podCidrs: profile.podCidrs,
      podRanges: ranges(profile.podCidrs),
      plugin: profile.plugin,
      ipBlocksMatchPods: profile.ipBlocksMatchPods,
      hostNetwork: profile.hostNetwork,
      nodeAddresses: ranges(profile.nodeCidrs),
      nodeCidrs: profile.nodeCidrs,
    };
  }

  rejected(analysis: FileAnalysis, ref: ObjectRef): boolean {
    return rejectionsOf(analysis.findings, ref).length > 0;
  }

  /** Every file of the index with its analysis, in a stable order. */
  policyFiles(): readonly { readonly uri: string; readonly analysis: FileAnalysis }[] {
    return this.policyFileList;
  }

  private *loweredPolicies(): Iterable<LoweredInput> {
    for (const { uri, analysis } of this.policyFileList) yield* loweredOf(uri, analysis);
  }

  private declareNamespace(uri: string, ns: NamespaceObject): void {
    const name = ns.name.value;
    if (this.namespaces.has(name)) return;
    // The API server sets the name label itself, whatever the manifest says.
    const labels = labelSetFromEntries(ns.labels, [[NAMESPACE_NAME_LABEL, name]]);
    this.namespaces.set(name, { name, labels, source: { uri, span: ns.ref.node.span }, object: ns });
  }

  private implyNamespace(name: string): void {
    if (!this.namespaces.has(name)) this.namespaces.set(name, { name, labels: labelSetFromEntries([], [[NAMESPACE_NAME_LABEL, name]]) });
  }
}

/**
 * A file's policies lowered into the IR, kept with its analysis: after an edit to a
 * workload the engine is built anew, and the thousands of policies of the files the
 * edit did not touch are not lowered again. The IR is immutable once lowered.
 */
const LOWERED = new WeakMap<FileAnalysis, { readonly uri: string; readonly lowered: readonly LoweredInput[] }>();

function loweredOf(uri: string, analysis: FileAnalysis): readonly LoweredInput[] {
  const known = LOWERED.get(analysis);
  if (known?.uri === uri) return known.lowered;
  const lowered = lowerFile(uri, analysis);
  LOWERED.set(analysis, { uri, lowered });
  return lowered;
}


