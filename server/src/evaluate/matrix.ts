/**
 * The reachability matrix over nodes (pod classes, then external ranges): cell
 * (s, t) is the id of the connections allowed from s to t, that is s's egress
 * allowance towards t intersected with t's ingress allowance from s.
 *
 * Pods selected by the same policies share one egress row (and one ingress
 * column), computed once as the union of those policies' rule vectors. After a
 * policy edit only the rows and columns of the pods it selected, before or
 * after, are recomputed.
 *
 * A pod that a Calico policy applies to is evaluated in Calico's order instead
 * (ordered-evaluation.ts), with the Kubernetes policies taking part at order
 * 1000; pods no Calico policy applies to keep the plain union, which gives the
 * same result faster.
 */
import { calicoRuleConnections } from '../dialects/calico/reach/rule-parts';
import type { CompiledCalicoPolicy, CompiledCalicoRule } from '../dialects/calico/reach/types';
import { ALL, ConnectionTable, NONE, type ConnId } from '../ir/connection-table';
import { calicoEntry, kubernetesEntry, tiersOf } from './evaluation-order';
import { buildOrderedVector, isCalicoRule, orderedSteps, stepsKey, type StepTier } from './ordered-evaluation';
import { ruleConnectionSet } from './rule-connections';
import type { ReachModel } from './reach-model';
import { runToEnd, stepWork, type Steps } from '../core/steps';
import type { CompiledPolicy, CompiledRule } from './types';

type Direction = 'ingress' | 'egress';

interface Side {
  /** Per pod class: the policies that isolate it in this direction (empty: not isolated). */
  readonly policies: CompiledPolicy[][];
  /** Per pod class: the key of its shared vector, '' when not isolated. */
  readonly keys: string[];
  readonly vectors: Map<string, Int32Array>;
  /** Per pod class: its vector (null when not isolated), so the hot loops never look up keys. */
  readonly vectorOf: (Int32Array | null)[];
  /** Per pod class: Calico's ordered steps, when a Calico policy applies to it (null: the plain union). */
  readonly ordered: (StepTier[] | null)[];
}

type AnyRule = CompiledRule | CompiledCalicoRule;

export class ReachMatrix {
  readonly table = new ConnectionTable();
  private cells: Int32Array = new Int32Array(0);
  private ruleNodes = new WeakMap<AnyRule, Int32Array>();
  private ruleConns = new WeakMap<AnyRule, Map<number, ConnId>>();
  private readonly sides: Record<Direction, Side>;

  /** With `compute` false the cells are left empty until computeAllSteps() has run. */
  constructor(
    private readonly model: ReachModel,
    compute = true,
  ) {
    this.sides = { ingress: emptySide(model.classCount), egress: emptySide(model.classCount) };
    if (compute) this.computeAll();
  }

  /** Recomputes everything from the model (after external ranges or classes changed). */
  computeAll(): void {
    runToEnd(this.computeAllSteps());
  }

  *computeAllSteps(): Steps<void> {
    const all = this.model.classes.map((c) => c.index);
    // Node numbers of external ranges may have moved: per-rule caches start over.
    this.ruleNodes = new WeakMap();
    this.ruleConns = new WeakMap();
    for (const direction of ['ingress', 'egress'] as const) {
      this.sides[direction].vectors.clear();
      yield* this.refreshSide(direction, all);
    }
    const n = this.model.nodeCount;
    this.cells = new Int32Array(n * n);
    for (let s = 0; s < n; s++) {
      this.fillRow(s);
      yield;
    }
  }

  /** After policies of the model changed without changing its external ranges. */
  *updateClassesSteps(egressClasses: readonly number[], ingressClasses: readonly number[]): Steps<void> {
    yield* this.refreshSide('egress', egressClasses);
    yield* this.refreshSide('ingress', ingressClasses);
    for (const s of new Set(egressClasses)) {
      this.fillRow(s);
      yield;
    }
    for (const t of new Set(ingressClasses)) {
      this.fillColumn(t);
      yield;
    }
  }

  cell(s: number, t: number): ConnId {
    return this.cells[s * this.model.nodeCount + t] ?? NONE;
  }

  /** The Kubernetes policies isolating a pod class in a direction, in the model's stable order. */
  isolating(direction: Direction, classIndex: number): readonly CompiledPolicy[] {
    return this.sides[direction].policies[classIndex] ?? [];
  }

  /** Calico's ordered steps for a pod class in a direction; null when no Calico policy applies to it. */
  orderedSteps(direction: Direction, classIndex: number): readonly StepTier[] | null {
    return this.sides[direction].ordered[classIndex] ?? null;
  }

  /** Row s: s's egress vector against every destination's ingress vector. The engine's hot loop. */
  private fillRow(s: number): void {
    const n = this.model.nodeCount;
    const classes = this.model.classCount;
    const base = s * n;
    stepWork.units += n;
    if (s >= classes) {
      // An external source: only pod destinations' ingress decides; external to external is not listed.
      for (let t = 0; t < n; t++) this.cells[base + t] = t < classes ? (this.sides.ingress.vectorOf[t]?.[s] ?? ALL) : NONE;
      return;
    }
    const egress = this.sides.egress.vectorOf[s];
    const ingress = this.sides.ingress.vectorOf;
    for (let t = 0; t < n; t++) {
      const e = egress ? egress[t]! : ALL;
      const column = t < classes ? ingress[t] : null;
      this.cells[base + t] = column ? this.table.intersect(e, column[s]!) : e;
    }
  }

  private fillColumn(t: number): void {
    const n = this.model.nodeCount;
    const classes = this.model.classCount;
    const column = this.sides.ingress.vectorOf[t];
    stepWork.units += n;
    for (let s = 0; s < n; s++) {
      const e = s < classes ? (this.sides.egress.vectorOf[s]?.[t] ?? ALL) : t < classes ? ALL : NONE;
      this.cells[s * n + t] = column ? this.table.intersect(e, column[s]!) : e;
    }
  }

  private *refreshSide(direction: Direction, classes: readonly number[]): Steps<void> {
    const side = this.sides[direction];
    const byNamespace = policiesByNamespace(this.model.policies, direction);
    for (const c of classes) {
      const cls = this.model.classes[c]!;
      const policies = (byNamespace.get(cls.namespace) ?? []).filter((p) => this.model.selects(p, c));
      side.policies[c] = policies;
      const calico = this.model.calico.applicable(c, direction);
      const steps = calico.length === 0 ? null : this.stepsFor(direction, c, policies, calico);
      side.ordered[c] = steps;
      const key = steps ? stepsKey(this.model, direction, steps, c) : policies.length === 0 ? '' : this.vectorKey(direction, policies, c);
      side.keys[c] = key;
      if (key !== '' && !side.vectors.has(key)) side.vectors.set(key, steps ? buildOrderedVector(this.model, this, direction, c, steps) : yield* this.buildVector(direction, policies, c));
      side.vectorOf[c] = key === '' ? null : side.vectors.get(key)!;
      yield;
    }
    const used = new Set(side.keys);
    for (const key of side.vectors.keys()) if (!used.has(key)) side.vectors.delete(key);
  }

  private stepsFor(direction: Direction, c: number, policies: readonly CompiledPolicy[], calico: readonly CompiledCalicoPolicy[]): StepTier[] {
    const tiers = tiersOf(this.model.calico.tiers, [...policies.map(kubernetesEntry), ...calico.map(calicoEntry)]);
    return orderedSteps(this.model, this, direction, c, tiers);
  }

  /** Ingress allowances depend on the target's own ports when a rule names a port. */
  private vectorKey(direction: Direction, policies: readonly CompiledPolicy[], c: number): string {
    const uids = policies.map((p) => p.uid).join(',');
    const named = direction === 'ingress' && policies.some((p) => p.ingress!.some((r) => !r.uniform));
    return named ? `${uids}#${this.model.portsKey(c)}` : uids;
  }

  /** A class's vector; a step per rule whose peers were matched for the first time, which costs a pass over the nodes. */
  private *buildVector(direction: Direction, policies: readonly CompiledPolicy[], owner: number): Steps<Int32Array> {
    const vector = new Int32Array(this.model.nodeCount);
    stepWork.units += vector.length;
    for (const policy of policies) {
      for (const rule of policy[direction]!) {
        if (!this.ruleNodes.has(rule)) yield;
        const nodes = this.nodesOf(policy, rule);
        stepWork.units += nodes.length;
        // Ingress ports resolve against the owner (the destination); uniform rules need no destination.
        const fixed = direction === 'ingress' || rule.uniform ? this.connectionOf(rule, direction === 'ingress' ? owner : -1) : -1;
        if (fixed === NONE) continue;
        for (const node of nodes) {
          const conn = fixed >= 0 ? fixed : this.connectionOf(rule, node);
          vector[node] = this.table.union(vector[node]!, conn);
        }
      }
    }
    return vector;
  }

  /** What a rule allows (or, for a Calico rule, matches) towards a destination node, interned and remembered per rule. */
  connectionOf(rule: AnyRule, destination: number): ConnId {
    let byNode = this.ruleConns.get(rule);
    if (!byNode) {
      byNode = new Map();
      this.ruleConns.set(rule, byNode);
    }
    const key = rule.uniform ? -1 : destination;
    let id = byNode.get(key);
    if (id === undefined) {
      id = this.table.intern(isCalicoRule(rule) ? calicoRuleConnections(rule, this.model.containerPorts(destination)) : ruleConnectionSet(this.model, rule, destination));
      byNode.set(key, id);
    }
    return id;
  }

  /** The nodes a rule's peers match, computed once per rule. */
  nodesOf(policy: CompiledPolicy, rule: CompiledRule): Int32Array {
    let nodes = this.ruleNodes.get(rule);
    if (nodes) return nodes;
    if (rule.peers === null) nodes = Int32Array.from({ length: this.model.nodeCount }, (_, i) => i);
    else {
      const seen = new Uint8Array(this.model.nodeCount);
      stepWork.units += seen.length;
      for (const peer of rule.peers) {
        for (const node of this.model.peerCandidates(policy, peer)) {
          stepWork.units++;
          if (!seen[node] && this.model.peerMatches(policy, peer, node)) seen[node] = 1;
        }
      }
      const list: number[] = [];
      seen.forEach((v, i) => v && list.push(i));
      nodes = Int32Array.from(list);
    }
    this.ruleNodes.set(rule, nodes);
    return nodes;
  }

  /** The peer nodes a Calico rule's far side matches (its source for ingress, its destination for egress). */
  calicoNodesOf(rule: CompiledCalicoRule, direction: Direction): Int32Array {
    let nodes = this.ruleNodes.get(rule);
    if (nodes) return nodes;
    const entity = direction === 'ingress' ? rule.from : rule.to;
    const list: number[] = [];
    for (const node of this.model.calico.candidates(entity)) if (this.model.calico.entityMatches(entity, node, rule.ipVersion)) list.push(node);
    nodes = Int32Array.from(list);
    this.ruleNodes.set(rule, nodes);
    return nodes;
  }
}

function emptySide(classes: number): Side {
  return {
    policies: Array.from({ length: classes }, () => []),
    keys: new Array<string>(classes).fill(''),
    vectors: new Map(),
    vectorOf: new Array<Int32Array | null>(classes).fill(null),
    ordered: new Array<StepTier[] | null>(classes).fill(null),
  };
}

function policiesByNamespace(policies: readonly CompiledPolicy[], direction: Direction): Map<string, CompiledPolicy[]> {
  const map = new Map<string, CompiledPolicy[]>();
  for (const p of policies) {
    if (!p[direction]) continue;
    const list = map.get(p.ref.namespace) ?? [];
    list.push(p);
    map.set(p.ref.namespace, list);
  }
  return map;
}
