/**
 * Renderings of the allowed pairs: netpol-analyzer's connlist text
 * (`SRC => DST : CONNS`), its Markdown table, and JSON with why-traces.
 */
import { formatConnections } from '../ir/connection-set';
import type { PairTrace, RuleContribution, SideTrace } from './trace-types';
import type { ReachEngine } from './reach-engine';
import type { PolicyRef, SourceRef } from './types';

export function connlistLines(engine: ReachEngine): string[] {
  return [...connlistRows(engine)];
}

/** connlistLines one at a time, as the pairs are found: millions of pairs are never held at once. */
export function* connlistRows(engine: ReachEngine): Iterable<string> {
  for (const { src, dst, connections } of engine.allowedPairs()) yield `${src.id} => ${dst.id} : ${formatConnections(connections)}`;
}

/** A source position for JSON: the caller decides how offsets become lines (it holds the texts). */
export type Locate<L> = (source: SourceRef) => L;

export interface JsonPolicyRef<L> {
  readonly policy: string;
  readonly location: L;
}

/**
 * The JSON report (every allowed pair with its why-trace, then the policies left out) as
 * the lines of `JSON.stringify(report, null, 2)`, each pair's traced as it is reached: at
 * 20,000 workloads the report is gigabytes, more than one string can hold.
 */
export function jsonReportLines<L>(engine: ReachEngine, locate: Locate<L>): Iterable<string> {
  return jsonDocumentLines(jsonConnections(engine, locate), jsonSkippedPolicies(engine, locate));
}

function* jsonConnections<L>(engine: ReachEngine, locate: Locate<L>): Iterable<object> {
  for (const { src, dst } of engine.allowedPairs()) {
    const trace = engine.explain(src, dst);
    yield { src: src.id, dst: dst.id, conn: trace.allowed, trace: jsonTrace(trace, locate) };
  }
}

/**
 * `JSON.stringify({ connections, skippedPolicies }, null, 2)` in lines, the connections read
 * one at a time: the same text, without the whole document in memory. A connection is one
 * item of several lines (joined by newlines, as the items are), not a string per line:
 * a large export makes garbage enough as it is.
 */
export function* jsonDocumentLines(connections: Iterable<object>, skippedPolicies: readonly object[]): Iterable<string> {
  yield '{';
  // An element gets its comma only once the next element shows there is one.
  let last: string | undefined;
  for (const connection of connections) {
    yield last === undefined ? '  "connections": [' : `${last},`;
    last = indented(JSON.stringify(connection, null, 2), '    ');
  }
  if (last === undefined) yield '  "connections": [],';
  else yield* [last, '  ],'];
  yield `  "skippedPolicies": ${indented(JSON.stringify(skippedPolicies, null, 2), '  ').slice(2)}`;
  yield '}';
}

function indented(text: string, indent: string): string {
  return indent + text.replace(/\n/g, `\n${indent}`);
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
