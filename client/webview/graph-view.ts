/**
 * The graph: namespaces as boxes, workloads and external ranges as nodes inside
 * them, allowed flows as arrows labelled with their ports, laid out by elkjs's
 * layered algorithm. elk.bundled.js runs in this page (no web worker, so no
 * worker-src in the CSP) and needs no eval. A live update that keeps the same
 * nodes and edges keeps the layout and only repaints highlights.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import { KIND_WORD, nodeName } from './cell-text';
import { h, s } from './dom';
import { graphKey, graphModel, type GraphEdge, type GraphModel } from './graph-model';
import { pairKey, type PanelStore } from './panel-store';
import { GRAPH_LAYOUT_OPTIONS, GROUP_LAYOUT_OPTIONS } from '../../server/src/graph-layout';

const NODE_H = 30;
const LABEL_H = 16;
const elk = new ELK();

export class GraphView {
  readonly element: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private svg: SVGSVGElement | undefined;
  private key = '';
  private layoutRun = 0;
  private measure: CanvasRenderingContext2D | null = null;
  /** Resolves when the drawing for the current data is on screen (tests and the report wait on it). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PanelStore,
    private readonly open: (src: string, dst: string) => void,
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
    const model = graphModel(this.store);
    const key = graphKey(model);
    if (key === this.key) {
      this.paintHighlights();
      return;
    }
    this.key = key;
    if ('tooLarge' in model) {
      this.svg = undefined;
      this.canvas.replaceChildren(h('p', { className: 'graph-message', text: model.tooLarge }));
      return;
    }
    const run = ++this.layoutRun;
    this.ready = elk.layout(this.elkGraph(model)).then(
      (laid) => {
        if (run === this.layoutRun) this.draw(model, laid);
      },
      (error: unknown) => {
        if (run === this.layoutRun) this.canvas.replaceChildren(h('p', { className: 'graph-message', text: `The graph could not be laid out: ${String(error)}` }));
      },
    );
  }

  private textWidth(text: string, size = 12): number {
    if (!this.measure) this.measure = document.createElement('canvas').getContext('2d');
    if (!this.measure) return text.length * size * 0.6;
    this.measure.font = `${size}px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
    return Math.ceil(this.measure.measureText(text).width);
  }

  private elkGraph(model: Exclude<GraphModel, { tooLarge: string }>): ElkNode {
    const keyOf = new Map(model.groups.flatMap((g) => g.nodes.map((n) => [n.node.id, n.key] as const)));
    return {
      id: 'root',
      layoutOptions: { ...GRAPH_LAYOUT_OPTIONS },
      children: model.groups.map((g) => ({
        id: g.key,
        layoutOptions: { ...GROUP_LAYOUT_OPTIONS },
        children: g.nodes.map((n) => ({ id: n.key, width: Math.max(90, this.textWidth(n.node.label) + 40), height: NODE_H })),
      })),
      edges: model.edges.map((e): ElkExtendedEdge => ({
        id: e.key,
        sources: [keyOf.get(e.src.id)!],
        targets: [keyOf.get(e.dst.id)!],
        ...(e.label && { labels: [{ text: e.label, width: this.textWidth(e.label, 11) + 8, height: LABEL_H }] }),
      })),
    };
  }

  private draw(model: Exclude<GraphModel, { tooLarge: string }>, laid: ElkNode): void {
    const byKey = new Map((laid.children ?? []).flatMap((g) => [[g.id, g] as const, ...(g.children ?? []).map((n) => [n.id, n] as const)]));
    const layer = (name: string): SVGGElement => s('g', { class: name });
    const groups = layer('graph-groups');
    const edges = layer('graph-edges');
    const nodes = layer('graph-nodes');
    for (const group of model.groups) {
      const box = byKey.get(group.key)!;
      groups.append(s('g', { class: `graph-group${group.external ? ' external' : ''}` }, [rect(box, 6), s('text', { x: (box.x ?? 0) + 10, y: (box.y ?? 0) + 19, class: 'graph-group-label' }, [group.label])]));
      for (const n of group.nodes) {
        const shape = byKey.get(n.key)!;
        const node = s('g', { class: `graph-node kind-${n.node.kind}`, 'data-id': n.node.id }, [
          s('title', {}, [nodeName(n.node)]),
          rect(shape, 4),
          s('text', { x: (shape.x ?? 0) + (shape.width ?? 0) / 2, y: (shape.y ?? 0) + NODE_H / 2 + 4, class: 'graph-node-label', 'text-anchor': 'middle' }, [n.node.label]),
        ]);
        nodes.append(node);
      }
    }
    const laidEdges = new Map((laid.edges ?? []).map((e) => [e.id, e]));
    for (const e of model.edges) edges.append(this.edgeShape(e, laidEdges.get(e.key)));
    const width = Math.ceil(laid.width ?? 0);
    const height = Math.ceil(laid.height ?? 0);
    this.svg = s('svg', { class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `Reachability graph: ${model.edges.length} flows` }, [markers(), groups, edges, nodes]);
    this.canvas.replaceChildren(this.svg);
    this.paintHighlights();
  }

  private edgeShape(e: GraphEdge, laid: ElkExtendedEdge | undefined): SVGGElement {
    const section = laid?.sections?.[0];
    const points: ElkPoint[] = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const label = e.label ? laid?.labels?.[0] : undefined;
    const words = `From ${e.src.label} to ${e.dst.label}: ${e.kind === 'removed' ? `unsaved edits remove ${e.connections}` : `${KIND_WORD[e.kind]}, ${e.connections}`}`;
    const group = s('g', { class: `graph-edge kind-${e.kind}${e.change ? ` change-${e.change}` : ''}`, tabindex: '0', role: 'button', 'aria-label': words, 'data-src': e.src.id, 'data-dst': e.dst.id }, [
      s('title', {}, [`${e.src.id} → ${e.dst.id}\n${e.connections}`]),
      s('path', { d, class: 'edge-hit' }),
      s('path', { d, class: 'edge-line', 'marker-end': `url(#arrow-${e.kind === 'removed' ? 'removed' : e.kind})` }),
    ]);
    if (label) {
      group.append(
        s('rect', { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0, rx: 3, class: 'edge-label-bg' }),
        s('text', { x: (label.x ?? 0) + (label.width ?? 0) / 2, y: (label.y ?? 0) + LABEL_H - 4, class: 'edge-label', 'text-anchor': 'middle' }, [e.label]),
      );
    }
    return group;
  }

  /** Selection and focus change classes only; the layout stays. */
  private paintHighlights(): void {
    if (!this.svg) return;
    const st = this.store;
    const sel = st.state.selection;
    for (const edge of this.svg.querySelectorAll<SVGGElement>('.graph-edge')) {
      const src = edge.dataset.src ?? '';
      const dst = edge.dataset.dst ?? '';
      edge.classList.toggle('selected', sel?.src === src && sel.dst === dst);
      edge.classList.toggle('focus-flow', st.focusActive && st.focusFlows.has(pairKey(src, dst)));
      edge.classList.toggle('focus-dim', st.focusActive && !st.focusFlows.has(pairKey(src, dst)));
    }
    for (const node of this.svg.querySelectorAll<SVGGElement>('.graph-node')) {
      node.classList.toggle('focus-selected', st.focusActive && st.focusSelected.has(node.dataset.id ?? ''));
    }
  }

  private activate(target: EventTarget | null): void {
    const edge = (target as Element | null)?.closest<SVGGElement>('.graph-edge');
    if (edge?.dataset.src && edge.dataset.dst) this.open(edge.dataset.src, edge.dataset.dst);
  }
}

function rect(shape: ElkNode, radius: number): SVGRectElement {
  return s('rect', { x: shape.x ?? 0, y: shape.y ?? 0, width: shape.width ?? 0, height: shape.height ?? 0, rx: radius });
}

function markers(): SVGDefsElement {
  const marker = (kind: string): SVGMarkerElement =>
    s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: `arrow kind-${kind}` }, [s('path', { d: 'M0,0 L10,5 L0,10 z' })]);
  return s('defs', {}, [marker('allowed'), marker('partial'), marker('removed')]);
}
