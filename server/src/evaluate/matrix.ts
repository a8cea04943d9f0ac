/**
 * The reachability matrix over nodes (pod classes, then external ranges): cell
 * (s, t) is the id of the connections allowed from s to t, that is s's egress
 * allowance towards t intersected with t's ingress allowance from s.
 *
 * Only the pod-to-pod cells are stored. A cell with an external range at one end is
 * one entry of the pod's vector (an external range has no policies), and between two
 * external ranges nothing is listed: thousands of ranges cut by ipBlocks and their
 * excepts cost a vector entry each, not a row and a column of the square.
 *
 * Pods selected by the same policies share one egress row (and one ingress
 * column), computed once as the union of those policies' rule vectors. After a
 * policy edit only the rows and columns of the pods it selected, before or
 * after, are recomputed.
 *
 * A pod that only additive policies apply to (Kubernetes NetworkPolicy semantics:
 * every rule allows, selection isolates) gets the plain union of their rules,
 * which is what the ordered evaluation gives for them, faster. A pod that any
 * other policy applies to is evaluated in order (ordered-evaluation.ts), every
 * applying policy in its tier.
 */
import { ALL, ConnectionTable, NONE, type ConnId } from '../ir/connection-table';
import { portsConnections } from '../ir/rule-ports';
import { matchKey, type EndpointMatch } from '../ir/endpoint-match';
import type { Policy, PolicyRule } from '../ir/policy-ir';
import { tiersOf } from './evaluation-order';
import { buildOrderedVector, orderedSteps, stepsKey, type StepTier } from './ordered-evaluation';
import type { ReachModel } from './reach-model';
import { runToEnd, stepWork, type Steps } from '../core/steps';

type Direction = 'ingress' | 'egress';

interface Side {
  /** Per pod class: the policies that apply to it in this direction (empty: not isolated). */
  readonly policies: Policy[][];
  /** Per pod class: the key of its shared vector, '' when not isolated. */
  readonly keys: string[];
  readonly vectors: Map<string, Int32Array>;
  /** Per pod class: its vector (null when not isolated), so the hot loops never look up keys. */
  readonly vectorOf: (Int32Array | null)[];
  /** Per pod class: the ordered steps, when a policy that is not additive applies to it (null: the plain union). */
  readonly ordered: (StepTier[] | null)[];
}

export class ReachMatrix {
  readonly table = new ConnectionTable();
  private cells: Int32Array = new Int32Array(0);
  private ruleNodes = new WeakMap<PolicyRule, Int32Array>();
  private ruleConns = new WeakMap<PolicyRule, Map<number, ConnId>>();
  /** Per peer match key, the nodes it matches: the same for every rule that repeats it. */
  private peerNodes = new Map<string, Int32Array>();
  private peerNodesAfterBuild = 0;
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
    this.peerNodes = new Map();
    for (const direction of ['ingress', 'egress'] as const) {
      this.sides[direction].vectors.clear();
      yield* this.refreshSide(direction, all);
    }
    const classes = this.model.classCount;
    this.cells = new Int32Array(classes * classes);
    for (let s = 0; s < classes; s++) {
      this.fillRow(s);
      yield;
    }
    this.peerNodesAfterBuild = this.peerNodes.size;
  }

  /** After policies of the model changed without changing its external ranges. */
  *updateClassesSteps(egressClasses: readonly number[], ingressClasses: readonly number[]): Steps<void> {
    // Peers of edited rules that no rule repeats any more pile up over many edits; the cache refills on demand.
    if (this.peerNodes.size > 2 * this.peerNodesAfterBuild + 64) this.peerNodes = new Map();
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
    const classes = this.model.classCount;
    if (s < classes && t < classes) return this.cells[s * classes + t] ?? NONE;
    // An external range at one end: the pod's own allowance decides; between two ranges nothing is listed.
    if (s < classes) return this.sides.egress.vectorOf[s]?.[t] ?? ALL;
    if (t < classes) return this.sides.ingress.vectorOf[t]?.[s] ?? ALL;
    return NONE;
  }

  /** The policies that apply to a pod class in a direction, in the model's stable order. */
  isolating(direction: Direction, classIndex: number): readonly Policy[] {
    return this.sides[direction].policies[classIndex] ?? [];
  }

  /** The ordered steps for a pod class in a direction; null when only additive policies (or none) apply to it. */
  orderedSteps(direction: Direction, classIndex: number): readonly StepTier[] | null {
    return this.sides[direction].ordered[classIndex] ?? null;
  }

  /** Row s of the pod-to-pod cells: s's egress vector against every pod destination's ingress vector. The engine's hot loop. */
  private fillRow(s: number): void {
    const classes = this.model.classCount;
    if (s >= classes) return;
    const base = s * classes;
    stepWork.units += classes;
    const egress = this.sides.egress.vectorOf[s];
    const ingress = this.sides.ingress.vectorOf;
    for (let t = 0; t < classes; t++) {
      const e = egress ? egress[t]! : ALL;
      const column = ingress[t];
      this.cells[base + t] = column ? this.table.intersect(e, column[s]!) : e;
    }
  }

  private fillColumn(t: number): void {
    const classes = this.model.classCount;
    if (t >= classes) return;
    const column = this.sides.ingress.vectorOf[t];
    stepWork.units += classes;
    for (let s = 0; s < classes; s++) {
      const e = this.sides.egress.vectorOf[s]?.[t] ?? ALL;
      this.cells[s * classes + t] = column ? this.table.intersect(e, column[s]!) : e;
    }
  }

  private *refreshSide(direction: Direction, classes: readonly number[]): Steps<void> {
    const side = this.sides[direction];
    const { byNamespace, anywhere } = policiesByNamespace(this.model.policies, direction);
    let position: Map<Policy, number> | undefined;
    for (const c of classes) {
      const cls = this.model.classes[c]!;
      // The policies of its namespace, then those that apply anywhere, without copying either list.
      const policies: Policy[] = [];
      for (const p of byNamespace.get(cls.namespace) ?? []) if (this.model.applies(p, c, direction)) policies.push(p);
      for (const p of anywhere) if (this.model.applies(p, c, direction)) policies.push(p);
      // Namespaced policies come in the model's order; one that applies anywhere joins them in that order too.
      if (anywhere.length > 0 && policies.some((p) => anywhere.includes(p))) {
        position ??= new Map(this.model.policies.map((p, i) => [p, i] as const));
        const at = position;
        policies.sort((a, b) => at.get(a)! - at.get(b)!);
      }
      side.policies[c] = policies;
      const steps = policies.every((p) => p.additive) ? null : this.stepsFor(direction, c, policies);
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

  private stepsFor(direction: Direction, c: number, policies: readonly Policy[]): StepTier[] {
    return orderedSteps(this.model, this, direction, c, tiersOf(this.model.tiers, policies));
  }

  /** Ingress allowances depend on the target's own ports when a rule names a port. */
  private vectorKey(direction: Direction, policies: readonly Policy[], c: number): string {
    const uids = policies.map((p) => p.uid).join(',');
    const named = direction === 'ingress' && policies.some((p) => p.ingress!.some((r) => !r.uniform));
    return named ? `${uids}#${this.model.portsKeyId(c)}` : uids;
  }

  /** A class's vector; a step per rule whose peers were matched for the first time, which costs a pass over the nodes. */
  private *buildVector(direction: Direction, policies: readonly Policy[], owner: number): Steps<Int32Array> {
    const vector = new Int32Array(this.model.nodeCount);
    stepWork.units += vector.length;
    // Indexed loops: iterators here allocated a result object per node in unoptimised code.
    for (let p = 0; p < policies.length; p++) {
      const rules = policies[p]![direction]!;
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r]!;
        if (!this.ruleNodes.has(rule)) yield;
        const nodes = this.nodesOf(rule);
        stepWork.units += nodes.length;
        // Ingress ports resolve against the owner (the destination); uniform rules need no destination.
        const fixed = direction === 'ingress' || rule.uniform ? this.connectionOf(rule, direction === 'ingress' ? owner : -1) : -1;
        if (fixed === NONE) continue;
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[i]!;
          const conn = fixed >= 0 ? fixed : this.connectionOf(rule, node);
          vector[node] = this.table.union(vector[node]!, conn);
        }
      }
    }
    return vector;
  }

  /** What a rule matches towards a destination node, interned and remembered per rule. */
  connectionOf(rule: PolicyRule, destination: number): ConnId {
    let byNode = this.ruleConns.get(rule);
    if (!byNode) {
      byNode = new Map();
      this.ruleConns.set(rule, byNode);
    }
    // Named ports resolve alike on every destination with the same declared ports: one answer per ports key.
    const key = rule.uniform ? -1 : this.model.portsKeyId(destination);
    let id = byNode.get(key);
    if (id === undefined) {
      id = this.table.intern(rule.uniform ?? portsConnections(rule.ports, this.model.containerPorts(destination)));
      byNode.set(key, id);
    }
    return id;
  }

  /** The nodes a rule's peers match (any of them), computed once per rule, and once per distinct peer. */
  nodesOf(rule: PolicyRule): Int32Array {
    let nodes = this.ruleNodes.get(rule);
    if (nodes) return nodes;
    if (rule.peers === null) nodes = Int32Array.from({ length: this.model.nodeCount }, (_, i) => i);
    else if (rule.peers.length === 1) nodes = this.matchNodes(rule.peers[0]!.match);
    else {
      const seen = new Uint8Array(this.model.nodeCount);
      stepWork.units += seen.length;
      for (const peer of rule.peers) for (const node of this.matchNodes(peer.match)) seen[node] = 1;
      const list: number[] = [];
      seen.forEach((v, i) => v && list.push(i));
      nodes = Int32Array.from(list);
    }
    this.ruleNodes.set(rule, nodes);
    return nodes;
  }

  /** The nodes one peer matches, ascending, shared by every peer with the same match key. */
  private matchNodes(match: EndpointMatch): Int32Array {
    const key = matchKey(match);
    let nodes = this.peerNodes.get(key);
    if (nodes) return nodes;
    const list: number[] = [];
    let last = -1;
    for (const node of this.model.candidates(match)) {
      stepWork.units++;
      if (node !== last && this.model.matchesNode(match, node)) list.push(node);
      last = node;
    }
    nodes = Int32Array.from(list);
    // Candidates come ascending but for the namespaces a selector accepts, in namespace order.
    for (let i = 1; i < nodes.length; i++) {
      if (nodes[i - 1]! >= nodes[i]!) {
        nodes = Int32Array.from(new Set(nodes)).sort();
        break;
      }
    }
    this.peerNodes.set(key, nodes);
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

/** Policies with rules in a direction, by the one namespace their subject is limited to (or anywhere). */
function policiesByNamespace(policies: readonly Policy[], direction: Direction): { byNamespace: Map<string, Policy[]>; anywhere: Policy[] } {
  const byNamespace = new Map<string, Policy[]>();
  const anywhere: Policy[] = [];
  for (const p of policies) {
    if (!p[direction]) continue;
    const namespace = p.subject.kind === 'pods' ? p.subject.namespace : undefined;
    if (namespace === undefined) {
      anywhere.push(p);
      continue;
    }
    const list = byNamespace.get(namespace) ?? [];
    list.push(p);
    byNamespace.set(namespace, list);
  }
  return { byNamespace, anywhere };
}
