/**
 * The engine's view of a workspace: namespaces, pod classes, external address
 * ranges and compiled policies, plus the selector questions asked about them.
 *
 * A pod class is every workload with the same namespace, pod labels and declared
 * container ports: policies cannot tell such pods apart, so the engine computes
 * once per class and cost grows with distinct label sets, not with pod count.
 */
import { forEachSteps, runToEnd, sortSteps, stepWork, type Steps } from '../core/steps';
import { NAMESPACE_NAME_LABEL } from '../model/namespaces';
import { labelSetOf, SelectorMatchCache } from '../model/selectors';
import { compileCalicoPolicy } from '../dialects/calico/reach/compile';
import { CalicoIndex } from '../dialects/calico/reach/index';
import type { CompiledCalicoPolicy } from '../dialects/calico/reach/types';
import { compilePolicy } from '../dialects/kubernetes/reach/compile-policy';
import { splitAddressSpace, type IpRange } from '../ir/ip-range';
import type { PodClass, PodClassView } from './pod-classes';
import type { CompiledPeer, CompiledPolicy, ReachCalicoInput, ReachContainerPort, ReachInput, ReachNamespace, ReachPolicyInput, ReachWorkload, SkippedPolicy } from './types';

export type { PodClass } from './pod-classes';

export class ReachModel implements PodClassView {
  readonly namespaces = new Map<string, ReachNamespace>();
  /** Unique by id, sorted by id. */
  workloads: ReachWorkload[] = [];
  /** Workloads that repeat an id already taken (same namespace/name/kind); they are left out. */
  readonly duplicates: ReachWorkload[] = [];
  readonly classes: PodClass[] = [];
  classOfWorkload = new Int32Array(0);
  readonly classesByNamespace = new Map<string, number[]>();
  readonly policies: CompiledPolicy[] = [];
  readonly skipped: SkippedPolicy[] = [];
  atoms: IpRange[] = [];
  readonly matches = new SelectorMatchCache();
  /** Calico policies and tiers, and Calico's selector questions. */
  readonly calico = new CalicoIndex(this);

  /** Without `input` the model is empty until load() has run. */
  constructor(input?: ReachInput) {
    if (input) runToEnd(this.load(input));
  }

  /** Reads the input, one step per policy, so a large workspace can be read in time slices. */
  *load(input: ReachInput): Steps<void> {
    for (const ns of [...input.namespaces].sort((a, b) => compare(a.name, b.name))) if (!this.namespaces.has(ns.name)) this.namespaces.set(ns.name, ns);
    this.workloads = yield* this.uniqueWorkloads(input.workloads);
    yield* forEachSteps(this.workloads, (w) => this.ensureNamespace(w.namespace));
    this.classOfWorkload = new Int32Array(this.workloads.length);
    yield* this.buildClasses();
    for (const item of input.policies) {
      this.addPolicy(item);
      stepWork.units++;
      yield;
    }
    for (const tier of input.tiers ?? []) if (!this.calico.tiers.has(tier.name)) this.calico.tiers.set(tier.name, tier);
    for (const item of input.calicoPolicies ?? []) {
      this.addCalicoPolicy(item);
      yield;
    }
    yield* this.sortPoliciesSteps();
    this.atoms = splitAddressSpace(this.ipCuts());
  }

  get classCount(): number {
    return this.classes.length;
  }

  /** Pod classes first, then external ranges. */
  get nodeCount(): number {
    return this.classes.length + this.atoms.length;
  }

  /** A namespace only mentioned in metadata.namespace exists, with its automatic name label alone. */
  ensureNamespace(name: string): void {
    if (!this.namespaces.has(name)) this.namespaces.set(name, { name, labels: labelSetOf([[NAMESPACE_NAME_LABEL, name]]) });
  }

  addPolicy(input: ReachPolicyInput): CompiledPolicy | undefined {
    const outcome = compilePolicy(input);
    this.ensureNamespace(outcome.ok ? outcome.policy.ref.namespace : outcome.skipped.ref.namespace);
    if (!outcome.ok) {
      this.skipped.push(outcome.skipped);
      return undefined;
    }
    this.policies.push(outcome.policy);
    return outcome.policy;
  }

  addCalicoPolicy(input: ReachCalicoInput): CompiledCalicoPolicy | undefined {
    const outcome = compileCalicoPolicy(input);
    const ref = outcome.ok ? outcome.policy.ref : outcome.skipped.ref;
    if (ref.namespace !== '') this.ensureNamespace(ref.namespace);
    if (!outcome.ok) {
      this.skipped.push(outcome.skipped);
      return undefined;
    }
    this.calico.policies.push(outcome.policy);
    return outcome.policy;
  }

  /** Policies in a stable order (id, then file, then position), whatever order the files came in. */
  sortPolicies(): void {
    runToEnd(this.sortPoliciesSteps());
  }

  /** sortPolicies as steps: thousands of policies take tens of thousands of comparisons. */
  *sortPoliciesSteps(): Steps<void> {
    const order = (a: { ref: { id: string; source: { uri: string; span: { start: number } } } }, b: typeof a): number =>
      compare(a.ref.id, b.ref.id) || compare(a.ref.source.uri, b.ref.source.uri) || a.ref.source.span.start - b.ref.source.span.start;
    const sorted = yield* sortSteps(this.policies, order);
    sorted.forEach((policy, i) => (this.policies[i] = policy));
    this.skipped.sort(order);
    this.calico.policies.sort(order);
  }

  /** Every ipBlock cidr and except of the valid policies: the boundaries external ranges must not straddle. */
  ipCuts(): IpRange[] {
    const cuts: IpRange[] = [];
    for (const policy of this.policies) {
      for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
        for (const peer of rule.peers ?? []) if (peer.kind === 'ipBlock') cuts.push(peer.cidr, ...peer.except);
      }
    }
    return [...cuts, ...this.calico.ipCuts()];
  }

  /** The declared ports of a pod class as a key: classes with equal keys resolve every named port alike. */
  portsKey(classIndex: number): string {
    const ports = this.classes[classIndex]?.workload.ports ?? [];
    return ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).sort().join(',');
  }

  /** The declared container ports of a node: a pod class's, or none for an external range. */
  containerPorts(node: number): readonly ReachContainerPort[] {
    return node >= 0 && node < this.classes.length ? this.classes[node]!.workload.ports : [];
  }

  selects(policy: CompiledPolicy, classIndex: number): boolean {
    const cls = this.classes[classIndex]!;
    return cls.namespace === policy.ref.namespace && this.matches.matches(policy.podSelector, cls.workload.labels);
  }

  selectedClasses(policy: CompiledPolicy): number[] {
    return (this.classesByNamespace.get(policy.ref.namespace) ?? []).filter((c) => this.selects(policy, c));
  }

  /** Whether a peer of `policy` matches a node (a pod class, or an external range). */
  peerMatches(policy: CompiledPolicy, peer: CompiledPeer, node: number): boolean {
    if (node >= this.classes.length) {
      if (peer.kind !== 'ipBlock') return false;
      const atom = this.atoms[node - this.classes.length]!;
      const inside = (r: IpRange): boolean => r.family === atom.family && r.start <= atom.start && atom.end <= r.end;
      return inside(peer.cidr) && !peer.except.some(inside);
    }
    // ipBlock never matches pods: pod IPs are cluster addresses, which ipBlock is not meant for.
    if (peer.kind === 'ipBlock') return false;
    const cls = this.classes[node]!;
    if (!peer.namespaceSelector) {
      if (cls.namespace !== policy.ref.namespace) return false;
    } else {
      const ns = this.namespaces.get(cls.namespace);
      if (!ns || !this.matches.matches(peer.namespaceSelector, ns.labels)) return false;
    }
    return !peer.podSelector || this.matches.matches(peer.podSelector, cls.workload.labels);
  }

  /** Candidate nodes of a peer: its namespaces' classes, or the external ranges. */
  peerCandidates(policy: CompiledPolicy, peer: CompiledPeer): Iterable<number> {
    if (peer.kind === 'ipBlock') return range(this.classes.length, this.nodeCount);
    if (!peer.namespaceSelector) return this.classesByNamespace.get(policy.ref.namespace) ?? [];
    const result: number[] = [];
    for (const [name, classes] of this.classesByNamespace) {
      const ns = this.namespaces.get(name);
      if (ns && this.matches.matches(peer.namespaceSelector, ns.labels)) result.push(...classes);
    }
    return result;
  }

  private *uniqueWorkloads(workloads: readonly ReachWorkload[]): Steps<ReachWorkload[]> {
    const sorted = yield* sortSteps(workloads, (a, b) => compare(a.id, b.id) || compare(a.source.uri, b.source.uri) || a.source.span.start - b.source.span.start);
    const unique: ReachWorkload[] = [];
    yield* forEachSteps(sorted, (w) => {
      if (unique.length > 0 && unique[unique.length - 1]!.id === w.id) this.duplicates.push(w);
      else unique.push(w);
    });
    return unique;
  }

  private *buildClasses(): Steps<void> {
    const byKey = new Map<string, PodClass>();
    const keyed: { w: ReachWorkload; i: number; key: string }[] = [];
    yield* forEachSteps(this.workloads, (w, i) => keyed.push({ w, i, key: classKey(w) }));
    const order = yield* sortSteps(keyed, (a, b) => compare(a.key, b.key) || a.i - b.i);
    for (const [step, { w, i, key }] of order.entries()) {
      stepWork.units++;
      if (step % 256 === 255) yield;
      let cls = byKey.get(key);
      if (!cls) {
        cls = { index: this.classes.length, namespace: w.namespace, workload: w, members: [] };
        byKey.set(key, cls);
        this.classes.push(cls);
        const list = this.classesByNamespace.get(w.namespace) ?? [];
        list.push(cls.index);
        this.classesByNamespace.set(w.namespace, list);
      }
      cls.members.push(i);
      this.classOfWorkload[i] = cls.index;
    }
  }
}

/** Workloads that policies cannot tell apart share a key. */
function classKey(w: ReachWorkload): string {
  const ports = w.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).sort();
  return `${w.namespace}\u0000${w.labels.key}\u0000${ports.join(',')}`;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* range(from: number, to: number): Iterable<number> {
  for (let i = from; i < to; i++) yield i;
}
