/**
 * The graph by namespace, for more workloads than a drawing of each can hold. Every
 * namespace (and the external ranges) is one node, closed, unless the user opened it
 * into a box of its workloads. Arrows join namespaces; only between workloads of open
 * namespaces (the same one, or two open ones) do they join workloads. An arrow between
 * namespaces is green when every pair of workloads it stands for is allowed everything,
 * amber otherwise. A namespace that every other one reaches (one without a default
 * deny) says so instead of drawing an arrow from each; likewise one that reaches every
 * other. While namespaces are open the graph is about them: arrows between two closed
 * namespaces are left out. An opening that would draw more than MAX_GRAPH_EDGES arrows is refused, with
 * the reason on the namespace. The counts come from one pass over the runs, never from
 * rows × columns: each run is cut at row ends and at the column stretches of its ends.
 */
import type { MatrixNode } from '../../server/src/protocol';
import { changeOf, flowEdge, MAX_GRAPH_EDGES, MAX_GRAPH_NODES, removedText, type GraphDrawing, type GraphEdge, type GraphEnd, type GraphGroup, type GraphModel } from './graph-parts';
import type { PanelStore } from './panel-store';

/** An end of arrows: a namespace (drawn closed or as a box), or a workload of an open one. */
interface End {
  readonly key: string;
  /** Index into the namespaces. */
  readonly group: number;
  readonly external: boolean;
  /** Set for a workload of an open namespace. */
  readonly node?: number;
  rows: number;
  cols: number;
  /** Nodes that are both a shown row and a shown column here. */
  both: number;
}

interface Namespace {
  readonly id: string;
  readonly label: string;
  readonly external: boolean;
  readonly members: readonly number[];
}

/** `wanted`: the namespaces the user opened, in the order they were opened. */
export function overviewModel(store: PanelStore, shown: readonly number[], wanted: readonly string[]): GraphModel {
  const namespaces = namespacesOf(store, shown);
  const reasons = new Map<string, string>();
  for (const ns of namespaces) if (ns.members.length > MAX_GRAPH_NODES / 2) reasons.set(ns.id, `${ns.members.length} workloads: more than the graph draws of one namespace (${MAX_GRAPH_NODES / 2}). Filter by name to draw some of them, or use the matrix.`);
  const index = new Map(namespaces.map((ns, g) => [ns.id, g]));
  const opened = new Set<number>();
  let drawn = namespaces.length;
  for (const id of wanted) {
    const g = index.get(id);
    if (g === undefined || reasons.has(id)) continue;
    const size = namespaces[g]!.members.length;
    if (drawn + size > MAX_GRAPH_NODES) reasons.set(id, `Close another namespace first: the graph draws at most ${MAX_GRAPH_NODES} nodes.`);
    else {
      opened.add(g);
      drawn += size;
    }
  }
  // The namespaces opened last close again while the arrows are too many to draw.
  for (;;) {
    const drawing = drawingOf(store, namespaces, opened, reasons);
    if (drawing.edges.length <= MAX_GRAPH_EDGES) return drawing;
    const last = [...opened].pop();
    if (last === undefined) return { tooLarge: `The namespaces shown have ${drawing.edges.length} arrows between them, more than the graph draws (${MAX_GRAPH_EDGES}). Filter by namespace, name or port, or use the matrix.` };
    opened.delete(last);
    reasons.set(namespaces[last]!.id, `Opened, it would draw ${drawing.edges.length} arrows, more than the graph draws (${MAX_GRAPH_EDGES}). Filter by name or port to open it, or use the matrix.`);
  }
}

function namespacesOf(store: PanelStore, shown: readonly number[]): Namespace[] {
  const m = store.matrix!;
  const members = new Map<string, number[]>();
  for (const index of shown) {
    const group = m.nodes[index]!.group;
    let list = members.get(group);
    if (!list) members.set(group, (list = []));
    list.push(index);
  }
  const label = new Map(m.groups.map((g) => [g.id, g.label]));
  return [...members].map(([id, list]) => ({ id, label: label.get(id) ?? id, external: id === 'External', members: list }));
}

function drawingOf(store: PanelStore, namespaces: readonly Namespace[], opened: ReadonlySet<number>, reasons: ReadonlyMap<string, string>): GraphDrawing {
  const m = store.matrix!;
  const ends: End[] = [];
  // Per node index: the end of its namespace, and its own end (the namespace's, when closed).
  const nsEnd = new Int32Array(m.nodes.length).fill(-1);
  const ownEnd = new Int32Array(m.nodes.length).fill(-1);
  const inOpen = new Uint8Array(m.nodes.length);
  namespaces.forEach((ns, g) => {
    const end = ends.push({ key: `g-${ns.id}`, group: g, external: ns.external, rows: 0, cols: 0, both: 0 }) - 1;
    for (const index of ns.members) {
      nsEnd[index] = end;
      ownEnd[index] = opened.has(g) ? ends.push({ key: `n${index}`, group: g, external: ns.external, node: index, rows: 0, cols: 0, both: 0 }) - 1 : end;
      inOpen[index] = opened.has(g) ? 1 : 0;
    }
  });
  // A pair joins two workloads when both are in open namespaces, else their namespaces.
  const endsOf = (r: number, c: number): [number, number] => (inOpen[r] && inOpen[c] ? [ownEnd[r]!, ownEnd[c]!] : [nsEnd[r]!, nsEnd[c]!]);
  const counts = countFlows(store, ends, nsEnd, ownEnd, inOpen);
  const hubs = namespaceHubs(counts, ends, namespaces.length);
  const groups = namespaces.map((ns, g): GraphGroup => {
    const open = opened.has(g);
    const reason = open ? undefined : reasons.get(ns.id);
    const nodes = open ? ns.members.map((index) => ({ key: `n${index}`, node: m.nodes[index]! })) : [];
    return { key: `g-${ns.id}`, id: ns.id, label: ns.label, external: ns.external, nodes, open, closable: true, size: ns.members.length, inner: open ? 0 : counts.flows(nsEnd[ns.members[0]!]!, nsEnd[ns.members[0]!]!), ...hubs[g]!, ...(reason && { tooLarge: reason }) };
  });
  const ref = (e: number): GraphEnd => (ends[e]!.node !== undefined ? { key: ends[e]!.key, node: m.nodes[ends[e]!.node!]! } : { key: ends[e]!.key, group: groups[ends[e]!.group]! });
  const edges = arrows(store, ends, counts, changesByEnds(store, endsOf), groups, ref);
  const keyOf = (e: number): string | undefined => ends[e]?.key;
  return {
    groups,
    edges,
    nodeEnd: (index) => keyOf(ownEnd[index] ?? -1),
    endsOf: (r, c) => {
      if ((nsEnd[r] ?? -1) < 0 || (nsEnd[c] ?? -1) < 0) return undefined;
      const [s, d] = endsOf(r, c);
      return [keyOf(s)!, keyOf(d)!];
    },
  };
}

interface FlowCounts {
  /** Pairs of workloads from end s to end d with some flow. */
  flows(s: number, d: number): number;
  /** ...with every connection allowed. */
  all(s: number, d: number): number;
  /** Pairs from s to d that NetworkPolicy governs (not a workload and itself, not two external ranges). */
  pairs(s: number, d: number): number;
}

/** Flows between every two ends, from one pass over the runs of the shown rows. */
function countFlows(store: PanelStore, ends: End[], nsEnd: Int32Array, ownEnd: Int32Array, inOpen: Uint8Array): FlowCounts {
  const m = store.matrix!;
  const n = m.nodes.length;
  const e = ends.length;
  const isRow = new Uint8Array(n);
  const colsBefore = new Int32Array(n + 1);
  for (const r of store.rows) isRow[r] = 1;
  for (const c of store.cols) colsBefore[c + 1] = 1;
  for (let i = 0; i < n; i++) colsBefore[i + 1]! += colsBefore[i]!;
  // Rows and columns per end: a namespace counts all its workloads, a workload of an open one itself too.
  for (const r of store.rows) {
    ends[nsEnd[r]!]!.rows++;
    if (inOpen[r]) ends[ownEnd[r]!]!.rows++;
    if (colsBefore[r + 1]! === colsBefore[r]!) continue;
    ends[nsEnd[r]!]!.both++;
    if (inOpen[r]) ends[ownEnd[r]!]!.both++;
  }
  for (const c of store.cols) {
    ends[nsEnd[c]!]!.cols++;
    if (inOpen[c]) ends[ownEnd[c]!]!.cols++;
  }
  // A row of a closed namespace reaches every column's namespace; a row of an open one reaches
  // the workloads of open namespaces and the other namespaces as a whole.
  const closedRow = segmentsOf(m.nodes, store.cols, (c) => nsEnd[c]!, () => false);
  const openRow = segmentsOf(m.nodes, store.cols, (c) => (inOpen[c] ? ownEnd[c]! : nsEnd[c]!), (c) => inOpen[c] === 1);
  const flows = new Float64Array(e * e);
  const all = new Float64Array(e * e);
  const status = m.palette.map((c) => (c.status === 'allowed' ? 2 : c.status === 'partial' ? 1 : 0));
  const cells = store.cells;
  for (let k = 0; k < cells.runCount; k++) {
    const kind = status[cells.value(k)]!;
    if (kind === 0) continue;
    const last = cells.start(k + 1) - 1;
    for (let position = cells.start(k); position <= last; ) {
      const row = Math.floor(position / n);
      const end = Math.min(last, row * n + n - 1);
      if (isRow[row]) {
        const segments = inOpen[row] ? openRow : closedRow;
        const rowExternal = m.nodes[row]!.kind === 'external';
        const a = position - row * n;
        const b = end - row * n;
        for (let s = segments.first(a); s < segments.count && segments.start[s]! <= b; s++) {
          if (rowExternal && segments.external[s]) continue;
          const count = colsBefore[Math.min(b, segments.last[s]!) + 1]! - colsBefore[Math.max(a, segments.start[s]!)]!;
          const at = (segments.detail[s] ? ownEnd[row]! : nsEnd[row]!) * e + segments.end[s]!;
          flows[at]! += count;
          if (kind === 2) all[at]! += count;
        }
      }
      position = end + 1;
    }
  }
  // A workload and itself is no flow of the graph: take the diagonal back out.
  for (const r of store.rows) {
    if (colsBefore[r + 1] === colsBefore[r] || m.nodes[r]!.kind === 'external') continue;
    const kind = status[cells.at(r, r)]!;
    const end = inOpen[r] ? ownEnd[r]! : nsEnd[r]!;
    if (kind > 0) flows[end * e + end]!--;
    if (kind === 2) all[end * e + end]!--;
  }
  return {
    flows: (s, d) => flows[s * e + d]!,
    all: (s, d) => all[s * e + d]!,
    pairs: (s, d) => (ends[s]!.external && ends[d]!.external ? 0 : ends[s]!.rows * ends[d]!.cols - (s === d ? ends[s]!.both : 0)),
  };
}

interface Segments {
  /** Per segment: its first and last column, its end, whether that is a workload's own end, whether it is external. */
  readonly start: readonly number[];
  readonly last: readonly number[];
  readonly end: readonly number[];
  readonly detail: readonly boolean[];
  readonly external: readonly boolean[];
  readonly count: number;
  /** The first segment that ends at or after column `a`. */
  first(a: number): number;
}

/** Maximal stretches of the shown columns (in node order) that belong to one end, for cutting runs. */
function segmentsOf(nodes: readonly MatrixNode[], cols: readonly number[], endOf: (c: number) => number, detailOf: (c: number) => boolean): Segments {
  const start: number[] = [];
  const last: number[] = [];
  const end: number[] = [];
  const detail: boolean[] = [];
  const external: boolean[] = [];
  for (const c of cols) {
    const e = endOf(c);
    if (end.length > 0 && end[end.length - 1] === e) last[last.length - 1] = c;
    else {
      start.push(c);
      last.push(c);
      end.push(e);
      detail.push(detailOf(c));
      external.push(nodes[c]!.kind === 'external');
    }
  }
  const first = (a: number): number => {
    let lo = 0;
    let hi = start.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (last[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { start, last, end, detail, external, count: start.length, first };
}

/**
 * Per namespace: whether every other namespace with shown rows has flows to it, and
 * whether it has flows to every other with shown columns (three others at least, or
 * "all" says little). Counted between namespaces, whatever is open.
 */
function namespaceHubs(counts: FlowCounts, ends: readonly End[], size: number): { reachedByAll: boolean; reachesAll: boolean }[] {
  const flows = new Float64Array(size * size);
  for (let s = 0; s < ends.length; s++) for (let d = 0; d < ends.length; d++) flows[ends[s]!.group * size + ends[d]!.group]! += counts.flows(s, d);
  const rows = new Array<number>(size).fill(0);
  const cols = new Array<number>(size).fill(0);
  for (const end of ends) {
    if (end.node !== undefined) continue;
    rows[end.group] = end.rows;
    cols[end.group] = end.cols;
  }
  const all = [...Array(size).keys()];
  return all.map((g) => {
    const sources = all.filter((o) => o !== g && rows[o]! > 0);
    const targets = all.filter((o) => o !== g && cols[o]! > 0);
    return {
      reachedByAll: cols[g]! > 0 && sources.length >= 3 && sources.every((o) => flows[o * size + g]! > 0),
      reachesAll: rows[g]! > 0 && targets.length >= 3 && targets.every((o) => flows[g * size + o]! > 0),
    };
  });
}

/** The arrows: flows between different ends, less those a hub namespace already speaks for, plus what the unsaved edits remove. */
function arrows(store: PanelStore, ends: readonly End[], counts: FlowCounts, changes: ReadonlyMap<string, GraphEdge['change']>, groups: readonly GraphGroup[], ref: (e: number) => GraphEnd): GraphEdge[] {
  const m = store.matrix!;
  const edges: GraphEdge[] = [];
  const focused = groups.some((g) => g.open);
  for (let s = 0; s < ends.length; s++) {
    for (let d = 0; d < ends.length; d++) {
      // Flows inside a closed namespace are said on its node.
      if (s === d) continue;
      const flows = counts.flows(s, d);
      const change = changes.get(`${s} ${d}`) ?? '';
      if (flows === 0 && change !== 'removed' && change !== 'mixed') continue;
      const src = ends[s]!;
      const dst = ends[d]!;
      const between = { src: ref(s), dst: ref(d) };
      if (src.node !== undefined && dst.node !== undefined) {
        const removedOnly = flows === 0;
        const cell = store.cell(src.node, dst.node);
        edges.push(flowEdge(edges.length, between, removedOnly ? 'removed' : cell.status, removedOnly ? removedText(store, m.nodes[src.node]!.id, m.nodes[dst.node]!.id) : cell.connections, change));
        continue;
      }
      if (!change && src.group !== dst.group && (groups[dst.group]!.reachedByAll || groups[src.group]!.reachesAll)) continue;
      // With namespaces open, the graph is about them: arrows between two closed ones wait until all are closed.
      if (!change && focused && !groups[src.group]!.open && !groups[dst.group]!.open) continue;
      const pairs = { flows, all: counts.all(s, d), of: counts.pairs(s, d) };
      const kind = flows === 0 ? 'removed' : pairs.all === pairs.of ? 'allowed' : 'partial';
      const connections = flows === 0 ? 'flows removed by the unsaved edits' : `${count(flows, 'pair')} of ${pairs.of} with flows, ${pairs.all} with all connections`;
      edges.push({ key: `e${edges.length}`, ...between, kind, connections, label: '', change, pairs });
    }
  }
  return edges;
}

/** The unsaved edits' changes summed per pair of ends, for the pairs the filters show. */
function changesByEnds(store: PanelStore, endsOf: (r: number, c: number) => [number, number]): Map<string, GraphEdge['change']> {
  const result = new Map<string, GraphEdge['change']>();
  const rows = new Set(store.rows);
  const cols = new Set(store.cols);
  for (const list of store.changes.values()) {
    const { src, dst } = list[0]!;
    const r = store.nodeIndex.get(src);
    const c = store.nodeIndex.get(dst);
    if (r === undefined || c === undefined || !rows.has(r) || !cols.has(c)) continue;
    const [s, d] = endsOf(r, c);
    if (s === d) continue;
    const key = `${s} ${d}`;
    const change = changeOf(store, src, dst);
    const before = result.get(key) ?? '';
    result.set(key, before === '' || before === change ? change : 'mixed');
  }
  return result;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
