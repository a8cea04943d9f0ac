/**
 * ReachEngine -> the shapes of protocol.ts, for the reachability panel: square
 * matrix with namespace groups, cell summaries and traces with source locations.
 * `locate` turns a SourceRef into a location (the caller holds the texts).
 */
import { formatConnections, isAllConnections, isNoConnections, type ConnectionSet } from '../ir/connection-set';
import type { PairTrace, RuleContribution, SideTrace } from '../evaluate/trace-types';
import type { ReachEngine, ReachNode, WorkloadNode } from '../evaluate/reach-engine';
import { selfNote, selfPairOf } from '../evaluate/self-traffic';
import type { PolicyRef, SourceRef } from '../evaluate/types';
import { forEachSteps, runToEnd, stepWork, type Steps } from '../core/steps';
import { CellRuns } from './matrix-runs';
import { MatrixNodeTableWriter } from '../matrix-node-table';
import type { CellStatus, MatrixCell, MatrixNode, PairTraceDto, PolicyRefDto, ReachabilityMatrixParams, ReachabilityMatrixResult, SideTraceDto, SourceLocation } from '../protocol';

export type LocateSource = (source: SourceRef) => SourceLocation;

const DEFAULT_TRACE_LIMIT = 10_000;
const EXTERNAL_GROUP = 'External';

export function cellStatus(set: ConnectionSet): CellStatus {
  return isAllConnections(set) ? 'allowed' : isNoConnections(set) ? 'denied' : 'partial';
}

/** `cellOf` summarises a cell's connections (the port matrix projects them through a filter first). */
export function matrixView(engine: ReachEngine, state: { version: number; indexing: boolean }, locate: LocateSource, params: ReachabilityMatrixParams = {}, cellOf: (set: ConnectionSet) => MatrixCell = plainCell): ReachabilityMatrixResult {
  return runToEnd(matrixViewSteps(engine, state, locate, params, cellOf));
}

/**
 * matrixView as steps (parse/steps.ts), a step per row: a large matrix has millions
 * of cells. Ordering and locating thousands of nodes are steps too.
 */
export function* matrixViewSteps(engine: ReachEngine, state: { version: number; indexing: boolean }, locate: LocateSource, params: ReachabilityMatrixParams = {}, cellOf: (set: ConnectionSet) => MatrixCell = plainCell): Steps<ReachabilityMatrixResult> {
  const ordered = yield* orderNodes(engine.nodes);
  const nodes = new MatrixNodeTableWriter();
  const groups = new MatrixGroups();
  yield* forEachSteps(ordered, (n) => {
    const node = matrixNode(n, locate);
    nodes.add(node);
    groups.add(node);
  });
  const { palette, cellRuns } = yield* cellsOf(engine, ordered, cellOf);
  const limit = params.traceLimit ?? DEFAULT_TRACE_LIMIT;
  const wanted = params.includeTraces === true;
  const traces: Record<string, PairTraceDto> = {};
  let count = 0;
  if (wanted) {
    outer: for (let r = 0; r < ordered.length; r++) {
      for (let c = 0; c < ordered.length; c++) {
        if (count >= limit) break outer;
        traces[`${r}:${c}`] = traceDto(engine.explain(ordered[r]!, ordered[c]!), locate);
        count++;
      }
    }
  }
  return {
    version: state.version,
    indexing: state.indexing,
    nodes: nodes.table(),
    groups: groups.list,
    palette,
    cellRuns,
    ...(wanted && { traces }),
    tracesComplete: wanted && count === ordered.length * ordered.length,
    skippedPolicies: engine.skippedPolicies.map((s) => ({ policy: policyDto(s.ref, locate), problems: s.problems.map((p) => p.message) })),
  };
}

function plainCell(set: ConnectionSet): MatrixCell {
  return { status: cellStatus(set), connections: formatConnections(set) };
}

/**
 * The palette and the runs of cells (matrix-runs.ts). Cells repeat a few connection
 * sets: each set is summarised once, and equal summaries share one palette entry.
 *
 * A row depends on its source's class alone, but for the diagonal: the row of a class
 * is read once as runs of connection ids (row-templates below) and every source of
 * that class replays those runs, with its own diagonal cell put in. A matrix of n
 * nodes then costs classes times n plus the runs, not n squared.
 */
function* cellsOf(engine: ReachEngine, ordered: readonly ReachNode[], cellOf: (set: ConnectionSet) => MatrixCell): Steps<{ palette: MatrixCell[]; cellRuns: number[] }> {
  const palette: MatrixCell[] = [];
  const byText = new Map<string, number>();
  const byId = new Map<number, number>();
  const runs = new CellRuns();
  const indexOf = (cell: MatrixCell): number => {
    const key = `${cell.status}|${cell.connections}|${cell.note ?? ''}`;
    let index = byText.get(key);
    if (index === undefined) {
      index = palette.length;
      palette.push(cell);
      byText.set(key, index);
    }
    return index;
  };
  const indexOfId = (id: number): number => {
    let index = byId.get(id);
    if (index === undefined) {
      index = indexOf(cellOf(engine.connectionSet(id)));
      byId.set(id, index);
    }
    return index;
  };
  const templates = new RowTemplates(engine, ordered);
  // A row template as runs of palette indexes, adjacent equal ones merged: thousands of
  // connection ids summarise to a handful of cells. Made once rows of the template have given
  // each of its ids a palette index, in the order the cells first appear, so the palette is the same.
  const paletteRuns = new WeakMap<Int32Array, Int32Array>();
  for (const [i, src] of ordered.entries()) {
    const template = templates.of(src);
    stepWork.units += template.cost;
    const diagonal = src.kind === 'workload' ? i : -1;
    const merged = paletteRuns.get(template.runs);
    const row = merged ?? template.runs;
    let at = 0;
    // Palette indexes are asked for in the order cells appear, the diagonal's in its place.
    const indexAt = (r: number): number => (merged ? row[r]! : indexOfId(row[r]!));
    for (let r = 0; r < row.length; r += 2) {
      const count = row[r + 1]!;
      if (diagonal < at || diagonal >= at + count) runs.pushRun(indexAt(r), count);
      else {
        // The diagonal is not a connection id of the engine (the connlist has no self pairs).
        if (diagonal > at) runs.pushRun(indexAt(r), diagonal - at);
        runs.push(indexOf({ ...cellOf(engine.selfConnections(src as WorkloadNode)), note: selfNote(selfPairOf(src as WorkloadNode)) }));
        if (at + count > diagonal + 1) runs.pushRun(indexAt(r), at + count - diagonal - 1);
      }
      at += count;
    }
    if (!merged) {
      const made = mergedRuns(template.runs, byId);
      if (made) paletteRuns.set(template.runs, made);
    }
    yield;
  }
  return { palette, cellRuns: runs.runs };
}

/**
 * Runs of connection ids as runs of their palette indexes, adjacent equal indexes merged;
 * undefined while some id has no index yet (its only cell so far was a diagonal's): it
 * gets one where its cell first shows, in a later row.
 */
function mergedRuns(ids: Int32Array, indexes: ReadonlyMap<number, number>): Int32Array | undefined {
  const runs = new CellRuns();
  for (let r = 0; r < ids.length; r += 2) {
    const index = indexes.get(ids[r]!);
    if (index === undefined) return undefined;
    runs.pushRun(index, ids[r + 1]!);
  }
  return Int32Array.from(runs.runs);
}

/**
 * A row as runs of connection ids, once per source class (a few recent ones kept: sources of
 * a class come together). A cell depends on the destination's class alone, and the ordered
 * destinations come as runs of one class (a namespace's replicas of an app sit side by side),
 * so a row is read once per column run, not once per destination.
 */
class RowTemplates {
  private readonly kept = new Map<number, { runs: Int32Array; cost: number }>();
  /** The ordered nodes as runs of one class: [a node of the run, how many, ...]. */
  private readonly columns: { node: ReachNode; count: number }[] = [];

  constructor(private readonly engine: ReachEngine, ordered: readonly ReachNode[]) {
    for (const node of ordered) {
      const last = this.columns[this.columns.length - 1];
      if (last && last.node.cell === node.cell) last.count++;
      else this.columns.push({ node, count: 1 });
    }
  }

  of(src: ReachNode): { runs: Int32Array; cost: number } {
    const kept = this.kept.get(src.cell);
    if (kept) {
      this.kept.delete(src.cell);
      this.kept.set(src.cell, kept);
      return { runs: kept.runs, cost: kept.runs.length };
    }
    const runs: number[] = [];
    const columns = this.columns;
    for (let c = 0; c < columns.length; c++) {
      const { node, count } = columns[c]!;
      // The cell between the classes: a workload's own diagonal is put in per row; an external range's is NONE.
      const id = this.engine.cellId(src, node);
      const last = runs.length - 2;
      if (last >= 0 && runs[last] === id) runs[last + 1]! += count;
      else runs.push(id, count);
    }
    const made = { runs: Int32Array.from(runs), cost: this.columns.length };
    this.kept.set(src.cell, made);
    if (this.kept.size > KEPT_ROWS) this.kept.delete(this.kept.keys().next().value!);
    return made;
  }
}

const KEPT_ROWS = 64;

/**
 * Workloads by namespace, then external ranges, each by id: groups stay contiguous. The
 * engine lists its nodes by id already, so they are bucketed by group (which keeps each
 * bucket in id order) and only the group names are sorted.
 */
function* orderNodes(nodes: readonly ReachNode[]): Steps<ReachNode[]> {
  const byGroup = new Map<string, ReachNode[]>();
  yield* forEachSteps(nodes, (node) => {
    const group = node.kind === 'workload' ? `0${node.namespace}` : '1';
    const bucket = byGroup.get(group);
    if (bucket) bucket.push(node);
    else byGroup.set(group, [node]);
  });
  const ordered: ReachNode[] = [];
  for (const group of [...byGroup.keys()].sort()) for (const node of byGroup.get(group)!) ordered.push(node);
  stepWork.units += ordered.length;
  return ordered;
}

function matrixNode(node: ReachNode, locate: LocateSource): MatrixNode {
  if (node.kind === 'external') return { id: node.id, label: externalLabel(node.id.slice(0, -'[External]'.length)), kind: 'external', group: EXTERNAL_GROUP };
  const w = node.workload;
  return { id: node.id, label: w.name, kind: 'workload', group: w.namespace, workloadKind: w.kind, namespace: w.namespace, location: locate(w.source) };
}

/**
 * A header's words for an address range: a whole address family reads as words, since
 * `::-ffff:ffff:…` cut to a header's width says nothing. The id (and the CLI's connlist,
 * which follows np-guard's format) keeps the range.
 */
function externalLabel(range: string): string {
  if (range === '0.0.0.0-255.255.255.255') return 'all IPv4 addresses';
  if (range === '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff') return 'all IPv6 addresses';
  return range;
}

/** Nodes into groups in the order they come: the ordering keeps each group contiguous. */
class MatrixGroups {
  readonly list: { id: string; label: string; nodes: number[] }[] = [];
  private count = 0;

  add(node: MatrixNode): void {
    const last = this.list[this.list.length - 1];
    const index = this.count++;
    if (last && last.id === node.group) last.nodes.push(index);
    else this.list.push({ id: node.group, label: node.group === EXTERNAL_GROUP ? 'Outside the cluster' : `namespace ${node.group}`, nodes: [index] });
  }
}

export function traceDto(trace: PairTrace, locate: LocateSource): PairTraceDto {
  return {
    src: trace.src,
    dst: trace.dst,
    status: cellStatus(trace.connections),
    connections: trace.allowed,
    egress: sideDto(trace.egress, locate),
    ingress: sideDto(trace.ingress, locate),
    ...(trace.self && { self: trace.self }),
  };
}

function sideDto(side: SideTrace, locate: LocateSource): SideTraceDto {
  return {
    direction: side.direction,
    subject: side.subject,
    status: side.status,
    allowed: side.allowed,
    isolatedBy: side.isolatedBy.map((p) => policyDto(p, locate)),
    allowedBy: side.allowedBy.map((c) => contributionDto(c, locate)),
    skipped: side.skipped.map((s) => ({ policy: policyDto(s.policy, locate), problems: s.problems.map((p) => p.message) })),
    ...(side.ordered && { tierEnds: side.ordered.tierEnds.map((t) => ({ tier: t.tier, action: t.action, connections: t.connections })), profile: side.ordered.profile }),
  };
}

function contributionDto(c: RuleContribution, locate: LocateSource): RuleContributionDto {
  return {
    policy: policyDto(c.policy, locate),
    direction: c.direction,
    ruleIndex: c.ruleIndex,
    rule: locate(c.rule),
    ...(c.peer && { peer: locate(c.peer) }),
    peerText: c.peerText,
    connections: c.connections,
    ...(c.action && { action: c.action }),
  };
}

function policyDto(ref: PolicyRef, locate: LocateSource): PolicyRefDto {
  return { id: ref.id, location: locate(ref.source), ...(ref.json && { evaluationOrder: ref.json }) };
}

type RuleContributionDto = SideTraceDto['allowedBy'][number];
