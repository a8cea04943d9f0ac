/**
 * The SVG of the graph's parts, placed where elkjs laid them out: namespace boxes,
 * workload nodes, namespace nodes and arrows. Every name goes in as a text node.
 * The words a namespace node and an arrow show and say are made here too, so the
 * layout sizes them from the same text.
 */
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import { KIND_WORD, nodeName } from './cell-text';
import { s } from './dom';
import type { GraphEdge, GraphEnd, GraphGroup, GraphNode } from './graph-parts';

export const NODE_H = 30;
export const LABEL_H = 16;
/** A namespace node: its name, then what it holds, then (for a hub) who reaches it. */
export const CLUSTER_LINE_H = 15;

/** An open namespace: a box around its workloads, its title (with what reaches it) closing it in the namespace view. */
export function groupShape(group: GraphGroup, box: ElkNode): SVGGElement {
  const x = (box.x ?? 0) + 10;
  const y = (box.y ?? 0) + 19;
  const text = s('text', { x, y, class: 'graph-group-label' }, [groupTitle(group)]);
  const title = group.closable ? s('g', { class: 'graph-group-toggle', role: 'button', tabindex: '0', 'aria-label': `Close ${group.label}: show it as one node`, 'data-group': group.id }, [s('title', {}, [`Close ${group.label}`]), text]) : text;
  return s('g', { class: `graph-group${group.external ? ' external' : ''}`, 'data-end': group.key }, [rect(box, 6), title]);
}

/** The title of an open namespace's box. */
export function groupTitle(group: GraphGroup): string {
  const hub = hubWords(group);
  return `${group.closable ? '▾ ' : ''}${group.label}${hub ? ` · ${hub}` : ''}`;
}

export function nodeShape(node: GraphNode, shape: ElkNode): SVGGElement {
  return s('g', { class: `graph-node kind-${node.node.kind}`, 'data-id': node.node.id, 'data-end': node.key }, [
    s('title', {}, [nodeName(node.node)]),
    rect(shape, 4),
    s('text', { x: (shape.x ?? 0) + (shape.width ?? 0) / 2, y: (shape.y ?? 0) + NODE_H / 2 + 4, class: 'graph-node-label', 'text-anchor': 'middle' }, [node.node.label]),
  ]);
}

function hubWords(group: GraphGroup): string {
  return [group.reachedByAll ? 'reached by all' : '', group.reachesAll ? 'reaches all' : ''].filter(Boolean).join(' · ');
}

/** The lines a closed namespace shows under its name. */
export function clusterLines(group: GraphGroup): string[] {
  const what = group.external ? count(group.size, 'address range') : count(group.size, 'workload');
  const lines = [group.inner > 0 ? `${what} · ${count(group.inner, 'flow')} inside` : what];
  const hub = hubWords(group);
  if (hub) lines.push(hub);
  if (group.tooLarge) lines.push('filter to open it');
  return lines;
}

export function clusterWords(group: GraphGroup): string {
  const hub = [group.reachedByAll ? 'every other namespace shown has flows to it (those arrows are not drawn)' : '', group.reachesAll ? 'it has flows to every other namespace shown (those arrows are not drawn)' : ''].filter(Boolean);
  const action = group.tooLarge ?? 'Enter or click: show its workloads.';
  return `${group.label}: ${clusterLines(group)[0]}${hub.length ? `; ${hub.join('; ')}` : ''}. ${action}`;
}

/** A closed namespace: one node that opens on a click when it can. */
export function clusterShape(group: GraphGroup, shape: ElkNode): SVGGElement {
  const x = (shape.x ?? 0) + (shape.width ?? 0) / 2;
  const top = shape.y ?? 0;
  const opens = !group.tooLarge;
  return s('g', { class: `graph-cluster${group.external ? ' external' : ''}${opens ? '' : ' closed'}`, role: 'button', tabindex: '0', 'aria-label': clusterWords(group), 'data-group': group.id, 'data-end': group.key }, [
    s('title', {}, [clusterWords(group)]),
    rect(shape, 6),
    s('text', { x, y: top + 18, class: 'graph-cluster-label', 'text-anchor': 'middle' }, [`${opens ? '▸ ' : ''}${group.label}`]),
    ...clusterLines(group).map((line, i) => s('text', { x, y: top + 18 + CLUSTER_LINE_H * (i + 1), class: 'graph-cluster-note', 'text-anchor': 'middle' }, [line])),
  ]);
}

export function endName(end: GraphEnd): string {
  return 'node' in end ? end.node.label : end.group.label;
}

export function edgeShape(e: GraphEdge, laid: ElkExtendedEdge | undefined): SVGGElement {
  const section = laid?.sections?.[0];
  const points: ElkPoint[] = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
  const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const label = e.label ? laid?.labels?.[0] : undefined;
  const ids: Record<string, string> = 'node' in e.src && 'node' in e.dst ? { 'data-src': e.src.node.id, 'data-dst': e.dst.node.id } : {};
  const open = e.pairs ? ' Enter or click: show their workloads.' : '';
  const words = `From ${endName(e.src)} to ${endName(e.dst)}: ${e.kind === 'removed' ? `unsaved edits remove ${e.connections}` : `${KIND_WORD[e.kind]}, ${e.connections}`}.${open}`;
  const title = `${'node' in e.src ? e.src.node.id : e.src.group.label} → ${'node' in e.dst ? e.dst.node.id : e.dst.group.label}\n${e.connections}`;
  const group = s('g', { class: `graph-edge kind-${e.kind}${e.change ? ` change-${e.change}` : ''}${e.pairs ? ' aggregate' : ''}`, tabindex: '0', role: 'button', 'aria-label': words, ...ids, 'data-src-end': e.src.key, 'data-dst-end': e.dst.key }, [
    s('title', {}, [title]),
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

export function markers(): SVGDefsElement {
  const marker = (kind: string): SVGMarkerElement =>
    s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', class: `arrow kind-${kind}` }, [s('path', { d: 'M0,0 L10,5 L0,10 z' })]);
  return s('defs', {}, [marker('allowed'), marker('partial'), marker('removed')]);
}

function rect(shape: ElkNode, radius: number): SVGRectElement {
  return s('rect', { x: shape.x ?? 0, y: shape.y ?? 0, width: shape.width ?? 0, height: shape.height ?? 0, rx: radius });
}

function count(n: number, word: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${word}${n === 1 ? '' : 's'}`;
}
