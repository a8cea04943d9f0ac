/**
 * Focus on one policy, for the panel and the code lenses: the workloads it
 * selects and the flows its rules allow, with what of them really flows. The
 * flows come from the engine's own traces, so the panel and `netpol-lens why`
 * cannot disagree about which rule allows what.
 */
import { formatConnections, intersectConnections, isNoConnections, NO_CONNECTIONS, unionConnections } from '../ir/connection-set';
import { NONE } from '../ir/connection-table';
import type { ReachEngine, ReachNode, WorkloadNode } from '../evaluate/reach-engine';
import { compare } from '../evaluate/reach-model';
import type { PolicyRef, SkippedPolicy } from '../evaluate/types';
import type { Policy } from '../ir/policy-ir';
import type { FocusFlowDto, PolicyFocusResult } from '../protocol';
import type { LocateSource } from './reach-view';

/** Traces per focus request at most; beyond it only the cells that allow something are traced. */
const FOCUS_PAIR_BUDGET = 40_000;

export type PolicyAt = { readonly kind: 'compiled'; readonly policy: Policy } | { readonly kind: 'skipped'; readonly policy: SkippedPolicy };

/** The policy whose YAML document holds `offset` in file `uri`, valid or not. */
export function policyAt(engine: ReachEngine, uri: string, offset: number): PolicyAt | undefined {
  const inside = (ref: PolicyRef): boolean => ref.source.uri === uri && ref.source.span.start <= offset && offset <= ref.source.span.end;
  const compiled = engine.policies.find((p) => inside(p.ref));
  if (compiled) return { kind: 'compiled', policy: compiled };
  const skipped = engine.skippedPolicies.find((s) => inside(s.ref));
  return skipped ? { kind: 'skipped', policy: skipped } : undefined;
}

export function policyFocus(engine: ReachEngine, found: PolicyAt | undefined, version: number, locate: LocateSource): PolicyFocusResult {
  if (!found) return { version, directions: [], selected: [], flows: [], complete: true };
  const { ref } = found.policy;
  const policy = { id: ref.id, location: locate(ref.source) };
  const subject = found.kind === 'compiled' ? found.policy.subject : found.policy.subject;
  const selected = subject ? engine.selectedNodes(subject) : [];
  const ids = selected.map((n) => n.id);
  if (found.kind === 'skipped') {
    return { version, policy, ignored: found.policy.problems.map((p) => p.message), directions: [], selected: ids, flows: [], complete: true };
  }
  const directions = (['ingress', 'egress'] as const).filter((d) => found.policy[d] !== undefined);
  const pairs = selected.length * Math.max(engine.nodes.length - 1, 0) * directions.length;
  const complete = pairs <= FOCUS_PAIR_BUDGET;
  const flows = directions.flatMap((direction) => flowsOf(engine, found.policy, direction, selected, complete));
  flows.sort((a, b) => compare(a.src, b.src) || compare(a.dst, b.dst) || compare(a.direction, b.direction));
  return { version, policy, directions, selected: ids, flows, complete };
}

/** For each selected pod and every other node: what this policy's rules allow on its `direction` side. */
function flowsOf(engine: ReachEngine, policy: Policy, direction: 'ingress' | 'egress', selected: readonly WorkloadNode[], everyPair: boolean): FocusFlowDto[] {
  const flows: FocusFlowDto[] = [];
  let traced = 0;
  for (const pod of selected) {
    for (const other of engine.nodes) {
      if (other === pod) continue;
      const [src, dst]: [ReachNode, ReachNode] = direction === 'ingress' ? [other, pod] : [pod, other];
      if (!everyPair && (engine.connectionId(src, dst) === NONE || traced >= FOCUS_PAIR_BUDGET)) continue;
      traced++;
      const flow = flowOf(engine, policy, direction, src, dst);
      if (flow) flows.push(flow);
    }
  }
  return flows;
}

function flowOf(engine: ReachEngine, policy: Policy, direction: 'ingress' | 'egress', src: ReachNode, dst: ReachNode): FocusFlowDto | undefined {
  const side = engine.explain(src, dst)[direction];
  // What this policy's own rules allow (a Deny or Pass rule decides, but allows nothing).
  const mine = side.allowedBy.filter((c) => c.policy === policy.ref && (c.action === undefined || c.action === 'Allow') && !isNoConnections(c.connectionSet));
  if (mine.length === 0) return undefined;
  const allowed = mine.reduce((set, c) => unionConnections(set, c.connectionSet), NO_CONNECTIONS);
  const effective = intersectConnections(allowed, engine.connections(src, dst));
  const rules = [...new Set(mine.map((c) => c.ruleIndex))].sort((a, b) => a - b);
  return { src: src.id, dst: dst.id, direction, rules, allowed: formatConnections(allowed), effective: formatConnections(effective) };
}
