/**
 * The reachability engine's facade: ReachInput in, who-can-reach-whom out.
 *
 *   const engine = new ReachEngine(input);
 *   for (const { src, dst, connections } of engine.allowedPairs()) ...   // connlist order
 *   engine.explain(src, dst);                                           // why-trace of one pair
 *   engine.replaceFilePolicies(uri, policies);                          // after an edit
 *
 * Nodes are workloads (`ns/name[Kind]`) and external address ranges
 * (`first-last[External]`), sorted by that label as netpol-analyzer sorts lines.
 */
import type { ConnectionSet } from '../ir/connection-set';
import { NONE, type ConnId } from '../ir/connection-table';
import { explainPair } from './pair-trace';
import type { ReachNode, WorkloadNode } from './reach-nodes';
import { selfConnections } from './self-traffic';
import type { PairTrace } from './trace-types';
import { formatRange, splitAddressSpace, type IpRange } from '../ir/ip-range';
import { AllowedTargets } from './allowed-targets';
import { ReachMatrix } from './matrix';
import { compare, ReachModel } from './reach-model';
import { runToEnd, type Steps } from '../core/steps';
import type { Policy, PolicyRule } from '../ir/policy-ir';
import type { LoweredInput, ReachInput, ReachWorkload, SkippedPolicy } from './types';

export type { ExternalNode, ReachNode, WorkloadNode } from './reach-nodes';

export interface AllowedPair {
  readonly src: ReachNode;
  readonly dst: ReachNode;
  readonly connections: ConnectionSet;
}

/** An engine whose input is loaded afterwards, step by step (ReachEngine.build). */
const LOAD_LATER = Symbol('load later');

export class ReachEngine {
  private model!: ReachModel;
  private matrix!: ReachMatrix;
  private nodeList: ReachNode[] | undefined;
  private nodeIndex: Map<string, ReachNode> | undefined;
  /** Per cell (pod class or external range): the positions of its nodes in `nodes`, ascending. */
  private cellMembers: number[][] | undefined;

  constructor(input: ReachInput | typeof LOAD_LATER) {
    if (input !== LOAD_LATER) runToEnd(this.load(input));
  }

  /** Builds an engine step by step (steps.ts); the engine is usable once the steps have run out. */
  static *build(input: ReachInput): Steps<ReachEngine> {
    const engine = new ReachEngine(LOAD_LATER);
    yield* engine.load(input);
    return engine;
  }

  private *load(input: ReachInput): Steps<void> {
    this.model = new ReachModel();
    yield* this.model.load(input);
    this.matrix = new ReachMatrix(this.model, false);
    yield* this.matrix.computeAllSteps();
  }

  /** Every node, sorted by id. */
  get nodes(): readonly ReachNode[] {
    if (!this.nodeList) this.nodeList = this.buildNodes();
    return this.nodeList;
  }

  /** Cells: pod classes first, then external ranges; every node sits in one (its `cell`). */
  get cellCount(): number {
    return this.model.nodeCount;
  }

  /** The positions in `nodes` of the nodes of one cell, ascending: a pod class's workloads, or an external range alone. */
  nodesOfCell(cell: number): readonly number[] {
    if (!this.cellMembers) {
      const members: number[][] = Array.from({ length: this.model.nodeCount }, () => []);
      this.nodes.forEach((n, i) => members[n.cell]!.push(i));
      this.cellMembers = members;
    }
    return this.cellMembers[cell] ?? [];
  }

  node(id: string): ReachNode | undefined {
    if (!this.nodeIndex) this.nodeIndex = new Map(this.nodes.map((n) => [n.id, n]));
    return this.nodeIndex.get(id);
  }

  get skippedPolicies(): readonly SkippedPolicy[] {
    return this.model.skipped;
  }

  /** Whether host-networked pods were taken as node traffic (the profile's hostNetwork: node) or as ordinary pods. */
  get hostNetworkAsNode(): boolean {
    return this.model.hostNetworkAsNode;
  }

  /** The valid policies of every dialect, lowered (the rejected ones are in skippedPolicies). */
  get policies(): readonly Policy[] {
    return this.model.policies;
  }

  /** The workload nodes a policy applies to (its subject), whatever its directions, in node order. */
  selectedNodes(subject: Policy['subject']): WorkloadNode[] {
    const nodes = this.nodes;
    const positions = this.selectedCells(subject).flatMap((cell) => this.nodesOfCell(cell));
    return positions.sort((a, b) => a - b).map((i) => nodes[i] as WorkloadNode);
  }

  /**
   * The pod classes a policy's subject selects. Matched once per class among the
   * subject's candidates (its namespace's classes when it names one), not once per
   * workload: a class's workloads are alike to every selector.
   */
  selectedCells(subject: Policy['subject']): number[] {
    const cells: number[] = [];
    for (const c of this.model.candidates(subject)) if (c < this.model.classCount && this.model.matchesNode(subject, c)) cells.push(c);
    return cells;
  }

  /** The cells a rule's peers match, ascending (computed once per rule). */
  ruleCells(rule: PolicyRule): Int32Array {
    return this.matrix.nodesOf(rule);
  }

  /** What a rule matches towards the nodes of a cell (its named ports resolved there). */
  ruleConnections(rule: PolicyRule, destinationCell: number): ConnectionSet {
    return this.matrix.table.get(this.matrix.connectionOf(rule, destinationCell));
  }

  /** Workloads left out because another object already has their namespace/name[Kind]. */
  get duplicateWorkloads(): readonly ReachWorkload[] {
    return this.model.duplicates;
  }

  /** Interned id of the allowed connections; NONE for a node and itself, and between two external ranges. */
  connectionId(src: ReachNode, dst: ReachNode): ConnId {
    if (src === dst) return NONE;
    return this.matrix.cell(src.cell, dst.cell);
  }

  /**
   * The cell between the classes of two nodes: connectionId for two distinct nodes; for a
   * workload and itself, what one of its pods may open to another (selfConnections).
   */
  cellId(src: ReachNode, dst: ReachNode): ConnId {
    return this.matrix.cell(src.cell, dst.cell);
  }

  /** The connections an id of connectionId or cellId stands for. */
  connectionSet(id: ConnId): ConnectionSet {
    return this.matrix.table.get(id);
  }

  connections(src: ReachNode, dst: ReachNode): ConnectionSet {
    return this.matrix.table.get(this.connectionId(src, dst));
  }

  /**
   * Ordered pairs with any allowed connection, sorted by source id, then destination id.
   * The destinations of a source are found once per class (allowed-targets.ts), so the
   * cost follows classes times nodes plus the pairs listed, not nodes squared.
   */
  *allowedPairs(): Iterable<AllowedPair> {
    const nodes = this.nodes;
    const targets = new AllowedTargets(this.matrix, this.model.classCount, this.model.nodeCount, nodes);
    for (const [i, src] of nodes.entries()) {
      for (const j of targets.of(src.cell)) {
        if (j === i) continue;
        const dst = nodes[j]!;
        yield { src, dst, connections: this.matrix.table.get(this.matrix.cell(src.cell, dst.cell)) };
      }
    }
  }

  /**
   * A workload to itself (self-traffic.ts): everything for a bare Pod, else what one of
   * its pods may open to another. Not in `connections`, so the connlist keeps no self pairs.
   */
  selfConnections(node: WorkloadNode): ConnectionSet {
    return selfConnections(this.matrix, node);
  }

  explain(src: ReachNode, dst: ReachNode): PairTrace {
    const connections = src === dst && src.kind === 'workload' ? this.selfConnections(src) : this.connections(src, dst);
    return explainPair(this.model, this.matrix, src, dst, connections);
  }

  /**
   * Replaces the policies read from one file. Only the rows and columns of pods
   * those policies select (before or after) are recomputed, unless the edit moved
   * an address boundary, which re-splits the external ranges and recomputes all.
   */
  replaceFilePolicies(uri: string, policies: readonly LoweredInput[]): 'incremental' | 'full' {
    return runToEnd(this.replaceFilePoliciesSteps(uri, policies));
  }

  /** replaceFilePolicies step by step. Stopped halfway, it leaves the engine inconsistent: the caller must drop it. */
  *replaceFilePoliciesSteps(uri: string, policies: readonly LoweredInput[]): Steps<'incremental' | 'full'> {
    const inFile = (p: { ref: { source: { uri: string } } }): boolean => p.ref.source.uri === uri;
    const removed = this.model.policies.filter(inFile);
    remove(this.model.policies, inFile);
    remove(this.model.skipped, inFile);
    const added: Policy[] = [];
    for (const p of policies) {
      const lowered = this.model.addPolicy(p);
      if (lowered) added.push(lowered);
      yield;
    }
    this.model.sortPolicies();
    const atoms = splitAddressSpace(this.model.ipCuts());
    // A selector that reads a label no other did may tell apart pods of one class: the classes split anew.
    const readKeys = this.model.labelKeysRead();
    const split = !covers(this.model.readKeys, readKeys);
    if (split) yield* this.model.classify(readKeys);
    if (split || !sameAtoms(atoms, this.model.atoms)) {
      this.model.atoms = atoms;
      if (split) this.matrix = new ReachMatrix(this.model, false);
      this.nodeList = undefined;
      this.nodeIndex = undefined;
      this.cellMembers = undefined;
      yield* this.matrix.computeAllSteps();
      return 'full';
    }
    const changed = [...removed, ...added];
    const classesOf = (direction: 'ingress' | 'egress'): number[] => [...new Set(changed.filter((p) => p[direction]).flatMap((p) => this.model.selectedClasses(p)))];
    yield* this.matrix.updateClassesSteps(classesOf('egress'), classesOf('ingress'));
    return 'incremental';
  }

  private buildNodes(): ReachNode[] {
    const nodes: ReachNode[] = this.model.workloads.map((workload, i) => ({ kind: 'workload', id: workload.id, namespace: workload.namespace, workload, cell: this.model.classOfWorkload[i]! }));
    const classes = this.model.classCount;
    this.model.atoms.forEach((range, i) => nodes.push({ kind: 'external', id: `${formatRange(range)}[External]`, range, cell: classes + i }));
    return nodes.sort((a, b) => compare(a.id, b.id));
  }
}

function remove<T>(list: T[], predicate: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i]!)) list.splice(i, 1);
}

/** Whether classes split by `current` keys tell apart every pod that `wanted` keys do (null: every label). */
function covers(current: ReadonlySet<string> | null, wanted: ReadonlySet<string> | null): boolean {
  if (current === null) return true;
  if (wanted === null) return false;
  for (const key of wanted) if (!current.has(key)) return false;
  return true;
}

function sameAtoms(a: readonly IpRange[], b: readonly IpRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r.family === b[i]!.family && r.start === b[i]!.start && r.end === b[i]!.end);
}
