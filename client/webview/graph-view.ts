/**
 * The graph: namespaces as boxes, workloads and external ranges as nodes inside them,
 * allowed flows as arrows labelled with their ports; past MAX_DIRECT_NODES, namespaces
 * as nodes that open into their workloads on a click (graph-model.ts). Laid out by
 * elkjs with the options the CLI's svg uses (server/src/graph-layout.ts). elk.bundled.js
 * runs in this page (no web worker, so no worker-src in the CSP) and needs no eval. A
 * live update that keeps the same nodes and edges keeps the layout and only repaints
 * highlights.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { h, s } from './dom';
import { graphKey, graphModel } from './graph-model';
import type { GraphDrawing, GraphGroup, GraphModel } from './graph-parts';
import { CLUSTER_LINE_H, clusterLines, clusterShape, edgeShape, groupShape, groupTitle, LABEL_H, markers, NODE_H, nodeShape } from './graph-shapes';
import { pairKey, type PanelStore } from './panel-store';
import { GRAPH_LAYOUT_OPTIONS, GROUP_LAYOUT_OPTIONS } from '../../server/src/graph-layout';

const elk = new ELK();

export class GraphView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private svg: SVGSVGElement | undefined;
  private model: GraphDrawing | undefined;
  private made: { readonly inputs: readonly unknown[]; readonly model: GraphModel } | undefined;
  private key = '';
  private layoutRun = 0;
  /** A namespace just opened: scrolled into view once drawn. */
  private reveal: string | undefined;
  private measure: CanvasRenderingContext2D | null = null;
  /** Resolves when the drawing for the current data is on screen (tests and the report wait on it). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PanelStore,
    private readonly open: (src: string, dst: string) => void,
    private readonly setOpen: (groups: readonly string[], open: boolean) => void,
  ) {
    this.canvas = h('div', { className: 'graph-canvas' });
    this.element = h('div', { className: 'graph-scroll', attrs: { role: 'region', 'aria-label': 'Reachability graph' } }, [this.canvas]);
    this.element.addEventListener('click', (e) => this.activate(e.target));
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.activate(e.target);
      }
    });
  }

  get drawing(): SVGSVGElement | undefined {
    return this.svg;
  }

  get edgeCount(): number {
    return this.svg?.querySelectorAll('.graph-edge').length ?? 0;
  }

  edgeElement(src: string, dst: string): SVGGElement | undefined {
    return [...(this.svg?.querySelectorAll<SVGGElement>('.graph-edge') ?? [])].find((e) => e.dataset.src === src && e.dataset.dst === dst);
  }

  update(): void {
    const model = this.currentModel();
    const key = graphKey(model);
    if (key === this.key) {
      if ('tooLarge' in model) return;
      this.model = model;
      this.paintHighlights();
      return;
    }
    this.key = key;
    if ('tooLarge' in model) {
      this.svg = undefined;
      this.model = undefined;
      this.canvas.replaceChildren(h('p', { className: 'graph-message', text: model.tooLarge }));
      return;
    }
    const run = ++this.layoutRun;
    // Closed namespaces without arrows go in rows under the graph: elkjs would stack them in one tall column.
    const touched = new Set(model.edges.flatMap((e) => [e.src.key, e.dst.key]));
    const isolated = new Set(model.groups.filter((g) => !g.open && !touched.has(g.key)));
    this.ready = elk.layout(this.elkGraph(model, isolated)).then(
      (laid) => {
        if (run === this.layoutRun) this.draw(model, ...this.placeIsolated(laid, isolated));
      },
      (error: unknown) => {
        if (run === this.layoutRun) this.canvas.replaceChildren(h('p', { className: 'graph-message', text: `The graph could not be laid out: ${String(error)}` }));
      },
    );
  }

  /**
   * The model for the store's data, made again only when what it is made of changed: at
   * 20,000 workloads the namespace view is a pass over every run, and a click or a trace
   * arriving redraws the page.
   */
  private currentModel(): GraphModel {
    const st = this.store;
    const inputs = [st.matrix, st.gridKey, st.whatIf, st.state.openGroups];
    if (!this.made || inputs.some((input, i) => input !== this.made!.inputs[i])) this.made = { inputs, model: graphModel(st) };
    return this.made.model;
  }

  private textWidth(text: string, size = 12, weight = ''): number {
    if (!this.measure) this.measure = document.createElement('canvas').getContext('2d');
    if (!this.measure) return text.length * size * 0.6;
    this.measure.font = `${weight}${size}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
    return Math.ceil(this.measure.measureText(text).width);
  }

  private clusterSize(group: GraphGroup): { width: number; height: number } {
    const lines = [`▸ ${group.label}`, ...clusterLines(group)];
    return { width: Math.max(110, ...lines.map((line, i) => this.textWidth(line, 11, i === 0 ? '600 ' : '') + 40)), height: 18 + CLUSTER_LINE_H * lines.length };
  }

  private elkGraph(model: GraphDrawing, isolated: ReadonlySet<GraphGroup>): ElkNode {
    return {
      id: 'root',
      layoutOptions: { ...GRAPH_LAYOUT_OPTIONS },
      children: model.groups.filter((g) => !isolated.has(g)).map((g) =>
        g.open
          ? {
              id: g.key,
              // At least as wide as its title.
              layoutOptions: { ...GROUP_LAYOUT_OPTIONS, 'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': `(${this.textWidth(groupTitle(g), 11, '600 ') + 24}, 0)` },
              children: g.nodes.map((n) => ({ id: n.key, width: Math.max(90, this.textWidth(n.node.label) + 40), height: NODE_H })),
            }
          : { id: g.key, ...this.clusterSize(g) },
      ),
      edges: model.edges.map((e): ElkExtendedEdge => ({
        id: e.key,
        sources: [e.src.key],
        targets: [e.dst.key],
        ...(e.label && { labels: [{ text: e.label, width: this.textWidth(e.label, 11) + 8, height: LABEL_H }] }),
      })),
    };
  }

  /** Adds the namespaces without arrows to the laid-out graph, in rows below it; and where their caption goes. */
  private placeIsolated(laid: ElkNode, isolated: ReadonlySet<GraphGroup>): [ElkNode, number | undefined] {
    if (isolated.size === 0) return [laid, undefined];
    const gap = 14;
    const top = (laid.height ?? 0) + (laid.children?.length ? gap : 0);
    const rowWidth = Math.max(laid.width ?? 0, 880);
    const placed: ElkNode[] = [];
    let x = 12;
    let y = top + 24;
    let rowHeight = 0;
    for (const group of isolated) {
      const size = this.clusterSize(group);
      if (x > 12 && x + size.width > rowWidth) {
        x = 12;
        y += rowHeight + gap;
        rowHeight = 0;
      }
      placed.push({ id: group.key, x, y, ...size });
      x += size.width + gap;
      rowHeight = Math.max(rowHeight, size.height);
    }
    return [{ ...laid, children: [...(laid.children ?? []), ...placed], width: Math.max(laid.width ?? 0, ...placed.map((p) => p.x! + p.width! + 12)), height: y + rowHeight + 12 }, top + 14];
  }

  private draw(model: GraphDrawing, laid: ElkNode, captionY: number | undefined): void {
    const byKey = new Map((laid.children ?? []).flatMap((g) => [[g.id, g] as const, ...(g.children ?? []).map((n) => [n.id, n] as const)]));
    const layer = (name: string): SVGGElement => s('g', { class: name });
    const groups = layer('graph-groups');
    const edges = layer('graph-edges');
    const nodes = layer('graph-nodes');
    for (const group of model.groups) {
      if (!group.open) {
        nodes.append(clusterShape(group, byKey.get(group.key)!));
        continue;
      }
      groups.append(groupShape(group, byKey.get(group.key)!));
      for (const n of group.nodes) nodes.append(nodeShape(n, byKey.get(n.key)!));
    }
    const laidEdges = new Map((laid.edges ?? []).map((e) => [e.id, e]));
    for (const e of model.edges) edges.append(edgeShape(e, laidEdges.get(e.key)));
    const width = Math.ceil(laid.width ?? 0);
    const height = Math.ceil(laid.height ?? 0);
    this.model = model;
    const closed = model.groups.some((g) => !g.open);
    if (captionY !== undefined) groups.append(s('text', { x: 12, y: captionY, class: 'graph-group-label' }, ['Namespaces without arrows here']));
    this.svg = s('svg', { class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `Reachability graph: ${model.edges.length} ${closed ? 'arrows' : 'flows'}` }, [markers(), groups, edges, nodes]);
    this.canvas.replaceChildren(this.svg);
    this.paintHighlights();
    if (this.reveal) this.svg.querySelector(`[data-end="${CSS.escape(`g-${this.reveal}`)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.reveal = undefined;
  }

  /** Selection and focus change classes only; the layout stays. An arrow between namespaces lights up for any pair it stands for. */
  private paintHighlights(): void {
    const model = this.model;
    if (!this.svg || !model) return;
    const st = this.store;
    const ends = (src: string, dst: string): string => {
      const pair = model.endsOf(st.nodeIndex.get(src) ?? -1, st.nodeIndex.get(dst) ?? -1);
      return pair ? pairKey(pair[0], pair[1]) : '';
    };
    const sel = st.state.selection;
    const selected = sel ? ends(sel.src, sel.dst) : '';
    const focused = new Set<string>();
    for (const flows of st.focusFlows.values()) focused.add(ends(flows[0]!.src, flows[0]!.dst));
    const focusedEnds = new Set([...st.focusSelected].map((id) => model.nodeEnd(st.nodeIndex.get(id) ?? -1)));
    for (const edge of this.svg.querySelectorAll<SVGGElement>('.graph-edge')) {
      const key = pairKey(edge.dataset.srcEnd ?? '', edge.dataset.dstEnd ?? '');
      edge.classList.toggle('selected', key === selected);
      edge.classList.toggle('focus-flow', st.focusActive && focused.has(key));
      edge.classList.toggle('focus-dim', st.focusActive && !focused.has(key));
    }
    for (const node of this.svg.querySelectorAll<SVGGElement>('.graph-node, .graph-cluster')) {
      node.classList.toggle('focus-selected', st.focusActive && focusedEnds.has(node.dataset.end));
    }
  }

  private activate(target: EventTarget | null): void {
    const element = target as Element | null;
    const edge = element?.closest<SVGGElement>('.graph-edge');
    if (edge?.dataset.src && edge.dataset.dst) return this.open(edge.dataset.src, edge.dataset.dst);
    if (edge) return this.openEnds([edge.dataset.srcEnd, edge.dataset.dstEnd]);
    const cluster = element?.closest<SVGGElement>('.graph-cluster');
    if (cluster) return this.openEnds([cluster.dataset.end]);
    const toggle = element?.closest<SVGGElement>('.graph-group-toggle');
    if (toggle?.dataset.group) this.setOpen([toggle.dataset.group], false);
  }

  /** Opens the closed namespaces among these ends that can open. */
  private openEnds(keys: readonly (string | undefined)[]): void {
    const groups = (this.model?.groups ?? []).filter((g) => !g.open && !g.tooLarge && keys.includes(g.key)).map((g) => g.id);
    if (groups.length === 0) return;
    this.reveal = groups[groups.length - 1];
    this.setOpen(groups, true);
  }
}
