/**
 * The engine's view of a workspace: namespaces, pod classes, external address
 * ranges and compiled policies, plus the selector questions asked about them.
 *
 * A pod class is every workload with the same namespace, declared container ports
 * and values of the labels that some selector reads: policies cannot tell such pods
 * apart, so the engine computes once per class and cost grows with the distinct label
 * sets selectors can see, not with pod count (a label every workload has a value of
 * its own for, such as an instance name, makes no class of its own unless a selector
 * reads it). When a dialect's predicate does not say which labels it reads, every
 * label counts.
 */
import { forEachSteps, runToEnd, sortSteps, stepWork, UNITS_PER_STEP, type Steps } from '../core/steps';
import { NAMESPACE_NAME_LABEL } from '../model/namespaces';
import { labelSetOf } from '../model/selectors';
import { addressCuts, podLabelKeys, type EndpointMatch, type NamespaceView, type PodView } from '../ir/endpoint-match';
import { splitAddressSpace, type IpRange } from '../ir/ip-range';
import type { Policy, RejectedPolicy, Tier } from '../ir/policy-ir';
import type { PodClass, PodClassView } from './pod-classes';
import type { LoweredInput, ReachContainerPort, ReachInput, ReachNamespace, ReachWorkload } from './types';

export type { PodClass } from './pod-classes';

type Direction = 'ingress' | 'egress';

export class ReachModel implements PodClassView {
  readonly namespaces = new Map<string, ReachNamespace>();
  /** Unique by id, sorted by id. */
  workloads: ReachWorkload[] = [];
  /** Workloads that repeat an id already taken (same namespace/name/kind); they are left out. */
  readonly duplicates: ReachWorkload[] = [];
  readonly classes: PodClass[] = [];
  classOfWorkload = new Int32Array(0);
  readonly classesByNamespace = new Map<string, number[]>();
  /** The valid policies of every dialect, in a stable order. */
  readonly policies: Policy[] = [];
  readonly skipped: RejectedPolicy[] = [];
  /** Tiers by name; a tier no input declares runs after every declared one and denies at its end. */
  readonly tiers = new Map<string, Tier>();
  atoms: IpRange[] = [];
  /** The pod label keys selectors read; null: every label counts. Classes are split by these alone. */
  readKeys: ReadonlySet<string> | null = null;
  /** Per pod class: the interned key of its declared ports; external ranges have the key of no ports. */
  private portsKeyIds = new Int32Array(0);
  private portsKeys: string[] = [''];
  private podViews: PodView[] = [];
  /** The pod address ranges an address range may match; empty: address ranges match only external addresses. */
  podAddresses: readonly IpRange[] = [];
  podCidrs: readonly string[] = [];
  /** The pod ranges, whatever the plugin: address ranges that match pods by address (podsByAddress) compare with these. */
  podRanges: readonly IpRange[] = [];
  plugin = 'generic';
  ipBlocksMatchPods = false;
  /** Whether host-networked pods are node traffic (never selected, never matched by pod selectors). */
  hostNetworkAsNode = true;
  /** The node address ranges an address range must cover to match a host-networked pod. */
  nodeAddresses: readonly IpRange[] = [];
  nodeCidrs: readonly string[] = [];
  private readonly namespaceViews = new Map<string, NamespaceView>();

  /** Without `input` the model is empty until load() has run. */
  constructor(input?: ReachInput) {
    if (input) runToEnd(this.load(input));
  }

  /** Reads the input, one step per policy, so a large workspace can be read in time slices. */
  *load(input: ReachInput): Steps<void> {
    for (const ns of [...input.namespaces].sort((a, b) => compare(a.name, b.name))) if (!this.namespaces.has(ns.name)) this.namespaces.set(ns.name, ns);
    this.workloads = yield* this.uniqueWorkloads(input.workloads);
    yield* forEachSteps(this.workloads, (w) => this.ensureNamespace(w.namespace));
    for (const item of input.policies) {
      this.addPolicy(item);
      stepWork.units++;
      yield;
    }
    for (const tier of input.tiers ?? []) if (!this.tiers.has(tier.name)) this.tiers.set(tier.name, tier);
    this.podAddresses = input.podAddresses ?? [];
    this.podCidrs = input.podCidrs ?? [];
    this.podRanges = input.podRanges ?? this.podAddresses;
    this.plugin = input.plugin ?? 'generic';
    this.ipBlocksMatchPods = input.ipBlocksMatchPods ?? this.podAddresses.length > 0;
    this.hostNetworkAsNode = (input.hostNetwork ?? 'node') === 'node';
    this.nodeAddresses = input.nodeAddresses ?? [];
    this.nodeCidrs = input.nodeCidrs ?? [];
    yield* this.sortPoliciesSteps();
    yield* this.classify(this.labelKeysRead());
    this.atoms = splitAddressSpace(this.ipCuts());
  }

  /** (Re)builds the pod classes, split by the values of `readKeys` (null: of every label). */
  *classify(readKeys: ReadonlySet<string> | null): Steps<void> {
    this.readKeys = readKeys;
    this.classes.length = 0;
    this.classesByNamespace.clear();
    this.podViews = [];
    this.classOfWorkload = new Int32Array(this.workloads.length);
    yield* this.buildClasses();
  }

  /** The pod label keys that the valid and the rejected policies' matches read; null when some predicate does not say. */
  labelKeysRead(): Set<string> | null {
    const keys = new Set<string>();
    const matches: EndpointMatch[] = [];
    for (const policy of this.policies) {
      matches.push(policy.subject);
      for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
        if (rule.own) matches.push(rule.own);
        for (const peer of rule.peers ?? []) matches.push(peer.match);
      }
    }
    for (const skipped of this.skipped) {
      if (skipped.subject) matches.push(skipped.subject);
      if (skipped.noteIn) matches.push(skipped.noteIn);
    }
    return matches.every((m) => podLabelKeys(m, keys)) ? keys : null;
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

  addPolicy(input: LoweredInput): Policy | undefined {
    const { lowered } = input;
    const ref = lowered.ok ? lowered.policy.ref : lowered.rejected.ref;
    if (ref.namespace !== '') this.ensureNamespace(ref.namespace);
    if (!lowered.ok) {
      this.skipped.push(lowered.rejected);
      return undefined;
    }
    this.policies.push(lowered.policy);
    return lowered.policy;
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
  }

  /** Every address range a valid policy's rules name: the boundaries external ranges must not straddle. */
  ipCuts(): IpRange[] {
    const cuts: IpRange[] = [];
    for (const policy of this.policies) {
      for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
        for (const peer of rule.peers ?? []) addressCuts(peer.match, cuts);
        if (rule.own) addressCuts(rule.own, cuts);
      }
    }
    return cuts;
  }

  /** The declared ports of a pod class as a key: classes with equal keys resolve every named port alike. */
  portsKey(classIndex: number): string {
    return this.portsKeys[this.portsKeyId(classIndex)]!;
  }

  /** portsKey as a small number: equal for nodes whose named ports resolve alike (0 for external ranges). */
  portsKeyId(node: number): number {
    return node >= 0 && node < this.classes.length ? this.portsKeyIds[node]! : 0;
  }

  /** The declared container ports of a node: a pod class's, or none for an external range. */
  containerPorts(node: number): readonly ReachContainerPort[] {
    return node >= 0 && node < this.classes.length ? this.classes[node]!.workload.ports : [];
  }

  /** A pod class as the dialects' label questions see it; the same object every time. */
  podView(classIndex: number): PodView {
    let view = this.podViews[classIndex];
    if (!view) {
      const cls = this.classes[classIndex]!;
      view = { namespace: cls.namespace, namespaceLabels: this.namespaceView(cls.namespace).labels, labels: cls.workload.labels, ...(cls.workload.hostNetwork && { hostNetwork: true }) };
      this.podViews[classIndex] = view;
    }
    return view;
  }

  namespaceView(name: string): NamespaceView {
    let view = this.namespaceViews.get(name);
    if (!view) {
      view = { name, labels: this.namespaces.get(name)?.labels ?? labelSetOf([[NAMESPACE_NAME_LABEL, name]]) };
      this.namespaceViews.set(name, view);
    }
    return view;
  }

  /**
   * Whether an endpoint match holds for a node (a pod class, or an external range).
   * Assumptions (the cluster profile's): an address range matches a pod only when the
   * plugin matches pod addresses and the range covers a pod range (podAddresses);
   * otherwise pod addresses are never inside one. A host-networked pod taken as node
   * traffic is never matched by pod selectors, and an address range matches it only
   * when it covers a node range.
   */
  matchesNode(match: EndpointMatch, node: number): boolean {
    switch (match.kind) {
      case 'any':
        return true;
      case 'none':
      case 'nodes':
        return false;
      case 'pods': {
        if (node >= this.classes.length) return false;
        const cls = this.classes[node]!;
        if (this.hostNetworkAsNode && cls.workload.hostNetwork) return false;
        if (match.namespace !== undefined && cls.namespace !== match.namespace) return false;
        if (match.namespaces && !match.namespaces.test(this.namespaceView(cls.namespace))) return false;
        return !match.pods || match.pods.test(this.podView(node));
      }
      case 'external':
        return node >= this.classes.length && (match.family === undefined || this.atoms[node - this.classes.length]!.family === match.family);
      case 'addresses': {
        if (node < this.classes.length) {
          const own = this.hostNetworkAsNode && this.classes[node]!.workload.hostNetwork ? this.nodeAddresses : match.podsByAddress ? this.podRanges : this.podAddresses;
          for (const addresses of own) if (anyCovers(match.ranges, addresses)) return true;
          return false;
        }
        return anyCovers(match.ranges, this.atoms[node - this.classes.length]!);
      }
      // Loops rather than every/some with a closure: this runs for every class and peer of a build.
      case 'and':
        for (const part of match.parts) if (!this.matchesNode(part, node)) return false;
        return true;
      case 'or':
        for (const part of match.parts) if (this.matchesNode(part, node)) return true;
        return false;
      case 'not':
        return !this.matchesNode(match.part, node);
    }
  }

  /** Nodes worth testing for a match: pods of its namespace (or of the namespaces it accepts), the external ranges, or all. */
  candidates(match: EndpointMatch): Iterable<number> {
    switch (match.kind) {
      case 'none':
      case 'nodes':
        return [];
      case 'pods': {
        if (match.namespace !== undefined) return this.classesByNamespace.get(match.namespace) ?? [];
        if (!match.namespaces) return range(0, this.classes.length);
        const test = match.namespaces;
        const result: number[] = [];
        for (const [name, classes] of this.classesByNamespace) if (test.test(this.namespaceView(name))) result.push(...classes);
        return result;
      }
      case 'external':
        return range(this.classes.length, this.nodeCount);
      case 'addresses':
        // Pod classes too when pod (or node) addresses are configured (an address range may hold pods).
        return this.podAddresses.length > 0 || (match.podsByAddress && this.podRanges.length > 0) || (this.hostNetworkAsNode && this.nodeAddresses.length > 0) ? [...range(0, this.classes.length), ...this.atomsWithin(match.ranges)] : this.atomsWithin(match.ranges);
      case 'and': {
        const narrowing = match.parts.find((p) => p.kind === 'pods' || p.kind === 'external' || p.kind === 'addresses' || p.kind === 'none');
        return narrowing ? this.candidates(narrowing) : range(0, this.nodeCount);
      }
      default:
        return range(0, this.nodeCount);
    }
  }

  /**
   * The external ranges inside any of `ranges`, as nodes, found by binary search: no
   * range straddles a boundary that a policy names, so those inside one are
   * consecutive from the one that starts where it starts. Thousands of ipBlocks then
   * cost their own ranges each, not a pass over every range.
   */
  atomsWithin(ranges: readonly IpRange[]): number[] {
    const atoms = this.atoms;
    const nodes: number[] = [];
    for (const r of ranges) {
      let lo = 0;
      let hi = atoms.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const atom = atoms[mid]!;
        if (atom.family < r.family || (atom.family === r.family && atom.start < r.start)) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < atoms.length && atoms[k]!.family === r.family && atoms[k]!.end <= r.end; k++) nodes.push(this.classes.length + k);
    }
    return ranges.length > 1 ? [...new Set(nodes)].sort((a, b) => a - b) : nodes;
  }

  /** Whether the policy governs the pods of a class in a direction. */
  applies(policy: Policy, classIndex: number, direction: Direction): boolean {
    return policy[direction] !== undefined && this.matchesNode(policy.subject, classIndex);
  }

  /** The classes a policy applies to, in either direction. */
  selectedClasses(policy: Policy): number[] {
    const result: number[] = [];
    for (const c of this.candidates(policy.subject)) if (c < this.classes.length && this.matchesNode(policy.subject, c)) result.push(c);
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

  /**
   * Classes numbered in the order of their keys, members in workload order. Workloads are
   * grouped by key first, so only the distinct keys are sorted (thousands of classes rather
   * than tens of thousands of workloads, each compared by a long key).
   */
  private *buildClasses(): Steps<void> {
    const byKey = new Map<string, number[]>();
    const readKeys = this.readKeys;
    yield* forEachSteps(this.workloads, (w, i) => {
      const key = classKey(w, readKeys);
      const members = byKey.get(key);
      if (members) members.push(i);
      else byKey.set(key, [i]);
    });
    const keys = yield* sortSteps([...byKey.keys()], compare);
    let budget = UNITS_PER_STEP;
    for (const key of keys) {
      const members = byKey.get(key)!;
      const w = this.workloads[members[0]!]!;
      const cls: PodClass = { index: this.classes.length, namespace: w.namespace, workload: w, members };
      this.classes.push(cls);
      const list = this.classesByNamespace.get(w.namespace) ?? [];
      list.push(cls.index);
      this.classesByNamespace.set(w.namespace, list);
      for (const i of members) {
        this.classOfWorkload[i] = cls.index;
        stepWork.units++;
        if (--budget === 0) {
          budget = UNITS_PER_STEP;
          yield;
        }
      }
    }
    this.internPortsKeys();
  }

  private internPortsKeys(): void {
    const ids = new Map<string, number>([['', 0]]);
    this.portsKeys = [''];
    this.portsKeyIds = new Int32Array(this.classes.length);
    for (const cls of this.classes) {
      const key = portsKeyOf(cls.workload);
      let id = ids.get(key);
      if (id === undefined) {
        id = this.portsKeys.length;
        this.portsKeys.push(key);
        ids.set(key, id);
      }
      this.portsKeyIds[cls.index] = id;
    }
  }
}

/** A workload's declared ports as one text, kept per workload: every build of classes asks for it again. */
const PORTS_KEYS = new WeakMap<ReachWorkload, string>();

function portsKeyOf(w: ReachWorkload): string {
  let key = PORTS_KEYS.get(w);
  if (key === undefined) {
    key = w.ports
      .map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`)
      .sort()
      .join(',');
    PORTS_KEYS.set(w, key);
  }
  return key;
}

/**
 * Workloads that policies cannot tell apart share a key: only the labels some selector
 * reads count. When selectors read every label a workload has (the usual case), its
 * label set's own key serves; otherwise the labels read, in the same form (by key).
 */
function classKey(w: ReachWorkload, readKeys: ReadonlySet<string> | null): string {
  let labels = w.labels.key;
  if (readKeys && !everyKeyRead(w.labels.labels, readKeys)) {
    const seen: [string, string][] = [];
    for (const entry of w.labels.labels) if (readKeys.has(entry[0])) seen.push(entry);
    labels = seen
      .sort(([a], [b]) => compare(a, b))
      .map(([k, v]) => `${k}=${v}`)
      .join('\n');
  }
  return `${w.namespace}\u0000${labels}\u0000${portsKeyOf(w)}${w.hostNetwork ? '\u0000host' : ''}`;
}

function everyKeyRead(labels: ReadonlyMap<string, string>, readKeys: ReadonlySet<string>): boolean {
  for (const key of labels.keys()) if (!readKeys.has(key)) return false;
  return true;
}

/** Whether a range of `ranges` covers `x`. */
function anyCovers(ranges: readonly IpRange[], x: IpRange): boolean {
  for (const r of ranges) if (r.family === x.family && r.start <= x.start && x.end <= r.end) return true;
  return false;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* range(from: number, to: number): Iterable<number> {
  for (let i = from; i < to; i++) yield i;
}
