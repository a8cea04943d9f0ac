/**
 * Renderings of the allowed pairs: netpol-analyzer's connlist text
 * (`SRC => DST : CONNS`), its Markdown table, and JSON with why-traces.
 */
import { formatConnections } from '../ir/connection-set';
import type { PairTrace, RuleContribution, SideTrace } from './trace-types';
import type { ReachEngine } from './reach-engine';
import type { PolicyRef, SourceRef } from './types';

export function connlistLines(engine: ReachEngine): string[] {
  const lines: string[] = [];
  for (const { src, dst, connections } of engine.allowedPairs()) lines.push(`${src.id} => ${dst.id} : ${formatConnections(connections)}`);
  return lines;
}

/** A source position for JSON: the caller decides how offsets become lines (it holds the texts). */
export type Locate<L> = (source: SourceRef) => L;

export interface JsonPolicyRef<L> {
  readonly policy: string;
  readonly location: L;
}

export function jsonReport<L>(engine: ReachEngine, locate: Locate<L>): object {
  const connections = [...engine.allowedPairs()].map(({ src, dst }) => {
    const trace = engine.explain(src, dst);
    return { src: src.id, dst: dst.id, conn: trace.allowed, trace: jsonTrace(trace, locate) };
  });
  return { connections, skippedPolicies: jsonSkippedPolicies(engine, locate) };
}

/** The policies the engine left out (the API server would reject them), with their problems. */
export function jsonSkippedPolicies<L>(engine: ReachEngine, locate: Locate<L>): object[] {
  return engine.skippedPolicies.map((s) => ({
    ...jsonPolicy(s.ref, locate),
    problems: s.problems.map((p) => ({ message: p.message, location: locate(p.source) })),
  }));
}

export function jsonTrace<L>(trace: PairTrace, locate: Locate<L>): object {
  return { egress: jsonSide(trace.egress, locate), ingress: jsonSide(trace.ingress, locate) };
}

function jsonSide<L>(side: SideTrace, locate: Locate<L>): object {
  return {
    subject: side.subject,
    status: side.status,
    allowed: side.allowed,
    isolatedBy: side.isolatedBy.map((p) => jsonPolicy(p, locate)),
    allowedBy: side.allowedBy.map((c) => jsonContribution(c, locate)),
    ...(side.ordered && { tierEnds: side.ordered.tierEnds.map((t) => ({ tier: t.tier, action: t.action, conn: t.connections })), profile: side.ordered.profile }),
    ...(side.ordered?.ambiguity && { ambiguity: side.ordered.ambiguity }),
    ...(side.assumption && { assumption: side.assumption }),
    ...(side.skipped.length > 0 && { skipped: side.skipped.map((s) => ({ ...jsonPolicy(s.policy, locate), problems: s.problems.map((p) => p.message) })) }),
  };
}

function jsonContribution<L>(c: RuleContribution, locate: Locate<L>): object {
  return {
    policy: c.policy.id,
    rule: `${c.direction}[${c.ruleIndex}]`,
    ...(c.action && { action: c.action }),
    ...c.policy.json,
    location: locate(c.rule),
    peer: c.peerText,
    ...(c.peer && { peerLocation: locate(c.peer) }),
    conn: c.connections,
  };
}

function jsonPolicy<L>(ref: PolicyRef, locate: Locate<L>): JsonPolicyRef<L> {
  return { policy: ref.id, ...ref.json, location: locate(ref.source) };
}
