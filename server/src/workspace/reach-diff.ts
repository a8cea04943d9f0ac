/**
 * What-if: the flows that differ between two reachability engines, the saved
 * files (before) and the open buffers (after). Workloads are matched by id.
 * External ranges are cut by each side's own ipBlocks, so both sides' ranges are
 * refined to their common parts and compared part by part; a change names the
 * node the buffers have and, when narrower, the part of its range.
 *
 * The same difference serves `netpol-lens diff` between two versions of a
 * workspace, as netpol-analyzer's diff rows (`diffRows`): changed, added or
 * removed, with the workload that exists on one side only.
 */
import { connectionKey, formatConnections, intersectConnections, isNoConnections, subtractConnections, type ConnectionSet } from '../ir/connection-set';
import { NONE } from '../ir/connection-table';
import { formatRange, type IpRange } from '../ir/ip-range';
import type { ExternalNode, ReachEngine, ReachNode } from '../evaluate/reach-engine';
import { compare } from '../evaluate/reach-model';
import type { FlowChangeDto, PortFilterDto } from '../protocol';
import { filterConnections, projectedCell } from './port-filter';

/** One end of a flow: a workload on either side, or a part of the external ranges. */
export interface Endpoint {
  readonly id: string;
  readonly before?: ReachNode;
  readonly after?: ReachNode;
  /** The part of an external range, when narrower than the node. */
  readonly part?: string;
  readonly external: boolean;
}

type PairDiff = Omit<FlowChangeDto, 'src' | 'dst' | 'srcPart' | 'dstPart' | 'presence'>;

/** Ids stay far below this bound, so `before * BOUND + after` is an exact memo key. */
const BOUND = 2 ** 26;

/**
 * The flows that differ, ordered by source, then destination (workloads by id, then the
 * external parts in address order).
 *
 * A pair's difference depends on the classes of its two ends alone: endpoints whose nodes
 * share a pod class before and a pod class after (a joint class) differ alike towards
 * everyone. So the joint classes are compared with each other once, sets equal on both
 * sides are skipped without building them, and only the rows of a joint class with some
 * difference walk its changed destinations: the cost follows joint classes squared plus
 * the changes, not endpoints squared (20,000 workloads are 3,000 joint classes).
 */
export function diffReach(before: ReachEngine, after: ReachEngine, filter?: PortFilterDto): FlowChangeDto[] {
  const wanted = filterConnections(filter);
  const endpoints = diffEndpoints(before, after);
  const joint = jointClasses(endpoints);
  const sameSet = new SameSets(before, after);
  // Pairs with the same two connection sets have the same difference: compute it once.
  const memo = new Map<number, PairDiff | null>();
  const diffOf = (src: Endpoint, dst: Endpoint): PairDiff | null => {
    // cellId rather than connectionId: two endpoints of one joint class are distinct nodes of one class.
    const b = src.before && dst.before ? before.cellId(src.before, dst.before) : NONE;
    const a = src.after && dst.after ? after.cellId(src.after, dst.after) : NONE;
    if (sameSet.holds(b, a)) return null;
    const key = b * BOUND + a;
    let diff = memo.get(key);
    if (diff === undefined) {
      diff = pairDiff(before.connectionSet(b), after.connectionSet(a), wanted);
      memo.set(key, diff);
    }
    return diff;
  };
  const changes: FlowChangeDto[] = [];
  // Per joint class of sources, the joint classes of destinations it has a difference with.
  const changedTo = new Map<number, number[]>();
  for (let i = 0; i < endpoints.length; i++) {
    const src = endpoints[i]!;
    const from = joint.classOf[i]!;
    let classes = changedTo.get(from);
    if (!classes) {
      classes = [];
      for (let to = 0; to < joint.samples.length; to++) {
        const dst = joint.samples[to]!;
        if (!(src.external && dst.external) && diffOf(src, dst)) classes.push(to);
      }
      changedTo.set(from, classes);
    }
    if (classes.length === 0) continue;
    // The changed destinations, in endpoint order; each one's difference is the memo's.
    const targets = classes.length === 1 ? joint.members[classes[0]!]! : classes.flatMap((to) => joint.members[to]!).sort((x, y) => x - y);
    for (const j of targets) {
      if (j === i) continue;
      const dst = endpoints[j]!;
      const diff = diffOf(src, dst)!;
      changes.push({ src: src.id, dst: dst.id, ...(src.part && { srcPart: src.part }), ...(dst.part && { dstPart: dst.part }), presence: presence(src, dst), ...diff });
    }
  }
  return changes;
}

/** Workloads by id, then the common parts of both sides' external ranges in address order. */
export function diffEndpoints(before: ReachEngine, after: ReachEngine): Endpoint[] {
  return [...workloadEndpoints(before, after), ...externalEndpoints(before, after)];
}

/** Endpoints by the pair of pod classes (or external ranges) their nodes have before and after, each class's members in endpoint order. */
function jointClasses(endpoints: readonly Endpoint[]): { readonly classOf: Int32Array; readonly members: number[][]; readonly samples: Endpoint[] } {
  const byKey = new Map<string, number>();
  const classOf = new Int32Array(endpoints.length);
  const members: number[][] = [];
  const samples: Endpoint[] = [];
  endpoints.forEach((endpoint, i) => {
    const key = `${endpoint.external ? 'x' : 'w'}${endpoint.before?.cell ?? -1}:${endpoint.after?.cell ?? -1}`;
    let index = byKey.get(key);
    if (index === undefined) {
      index = samples.length;
      byKey.set(key, index);
      members.push([]);
      samples.push(endpoint);
    }
    members[index]!.push(i);
    classOf[i] = index;
  });
  return { classOf, members, samples };
}

/**
 * Whether an id of the first engine and one of the second stand for the same connections.
 * The two engines intern their sets apart, so ids are compared through their sets' keys,
 * each id's read once.
 */
class SameSets {
  private readonly keys = new Map<string, number>();
  private readonly beforeKeys: number[] = [];
  private readonly afterKeys: number[] = [];

  constructor(
    private readonly before: ReachEngine,
    private readonly after: ReachEngine,
  ) {}

  holds(b: number, a: number): boolean {
    return this.keyOf(this.before, this.beforeKeys, b) === this.keyOf(this.after, this.afterKeys, a);
  }

  private keyOf(engine: ReachEngine, known: number[], id: number): number {
    const kept = known[id];
    if (kept !== undefined) return kept;
    const text = connectionKey(engine.connectionSet(id));
    const key = this.keys.get(text) ?? this.keys.size;
    this.keys.set(text, key);
    known[id] = key;
    return key;
  }
}

function pairDiff(beforeSet: ConnectionSet, afterSet: ConnectionSet, wanted: ConnectionSet): PairDiff | null {
  const b = intersectConnections(beforeSet, wanted);
  const a = intersectConnections(afterSet, wanted);
  const added = subtractConnections(a, b);
  const removed = subtractConnections(b, a);
  if (isNoConnections(added) && isNoConnections(removed)) return null;
  return { before: projectedCell(beforeSet, wanted), after: projectedCell(afterSet, wanted), added: formatConnections(added), removed: formatConnections(removed) };
}

function presence(src: Endpoint, dst: Endpoint): FlowChangeDto['presence'] {
  if (!src.after || !dst.after) return 'gone';
  return !src.before || !dst.before ? 'new' : 'both';
}

function workloadEndpoints(before: ReachEngine, after: ReachEngine): Endpoint[] {
  const byId = new Map<string, { before?: ReachNode; after?: ReachNode }>();
  for (const node of before.nodes) if (node.kind === 'workload') byId.set(node.id, { before: node });
  for (const node of after.nodes) if (node.kind === 'workload') byId.set(node.id, { ...byId.get(node.id), after: node });
  return [...byId.entries()].sort(([a], [b]) => compare(a, b)).map(([id, sides]) => ({ id, ...sides, external: false }));
}

/** The common refinement of both sides' external ranges, one endpoint per part, in address order. */
function externalEndpoints(before: ReachEngine, after: ReachEngine): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const family of [4, 6] as const) {
    const b = externals(before, family);
    const a = externals(after, family);
    const cuts = [...new Set([...b, ...a].flatMap((n) => [n.range.start, n.range.end + 1n]))].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (let i = 0; i + 1 < cuts.length; i++) {
      const part: IpRange = { family, start: cuts[i]!, end: cuts[i + 1]! - 1n };
      const beforeNode = b.find((n) => contains(n.range, part));
      const afterNode = a.find((n) => contains(n.range, part));
      const named = afterNode ?? beforeNode;
      if (!named) continue;
      const narrower = named.range.start !== part.start || named.range.end !== part.end;
      endpoints.push({ id: named.id, ...(beforeNode && { before: beforeNode }), ...(afterNode && { after: afterNode }), ...(narrower && { part: formatRange(part) }), external: true });
    }
  }
  return endpoints;
}

function externals(engine: ReachEngine, family: 4 | 6): ExternalNode[] {
  return engine.nodes.filter((n): n is ExternalNode => n.kind === 'external' && n.range.family === family).sort((x, y) => (x.range.start < y.range.start ? -1 : 1));
}

function contains(outer: IpRange, inner: IpRange): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export type DiffType = 'changed' | 'added' | 'removed';

/** One row of netpol-analyzer's `diff`: the pair, its connections on each side, and the workloads only one side has. */
export interface DiffRow {
  readonly diffType: DiffType;
  readonly source: string;
  readonly destination: string;
  /** connlist text before and after (`No Connections` when none). */
  readonly ref1: string;
  readonly ref2: string;
  /** `workload X added`, `workload X and Y removed`, or '' when both ends exist on both sides. */
  readonly workloadsDiffInfo: string;
}

const NO_CONNECTIONS_TEXT = 'No Connections';

/** The pairs whose connections differ between two versions, as netpol-analyzer's diff rows (unordered). */
export function diffRows(before: ReachEngine, after: ReachEngine): DiffRow[] {
  const ids = (engine: ReachEngine): Set<string> => new Set(engine.nodes.filter((n) => n.kind === 'workload').map((n) => n.id));
  const beforeIds = ids(before);
  const afterIds = ids(after);
  const oneSided = (id: string): boolean => beforeIds.has(id) !== afterIds.has(id);
  return diffReach(before, after).map((change) => {
    const ref1 = change.before.connections;
    const ref2 = change.after.connections;
    const diffType: DiffType = ref1 === NO_CONNECTIONS_TEXT ? 'added' : ref2 === NO_CONNECTIONS_TEXT ? 'removed' : 'changed';
    const source = change.srcPart ? `${change.srcPart}[External]` : change.src;
    const destination = change.dstPart ? `${change.dstPart}[External]` : change.dst;
    const oneSidedEnds = [change.src, change.dst].filter(oneSided);
    const workloadsDiffInfo = oneSidedEnds.length > 0 ? `workload ${oneSidedEnds.join(' and ')} ${diffType}` : '';
    return { diffType, source, destination, ref1, ref2, workloadsDiffInfo };
  });
}
