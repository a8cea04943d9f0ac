/**
 * `reach --format svg`: the panel's graph drawn without a browser or Graphviz.
 * Namespaces are boxes, workloads and external ranges nodes inside them, allowed
 * flows arrows labelled with their ports (green: all connections, unlabelled;
 * amber: some), laid out by elkjs's layered algorithm with the options the panel
 * uses (client/webview/graph-view.ts). There is no font to measure here, so text
 * widths are estimated from the character count; colours are the panel's light
 * theme defaults, written inline so the file renders anywhere.
 */
import type ElkConstructor from 'elkjs/lib/elk-api';
import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api';
import { formatConnections } from '../ir/connection-set';
import type { ReachNode } from '../evaluate/reach-engine';
import { pairNodes } from './reach-formats';
import type { FocusedPair } from './reach-focus';
import { GRAPH_LAYOUT_OPTIONS, GROUP_LAYOUT_OPTIONS } from '../graph-layout';

const NODE_H = 30;
const LABEL_H = 16;
const COLORS = { allowed: '#388a34', partial: '#bf8803', text: '#1f1f1f', muted: '#616161', box: '#f3f3f3', grid: '#c8c8c8', background: '#ffffff' };

/** Average advance of a 12px sans-serif character, wide enough that labels never overflow their boxes. */
function textWidth(text: string, size = 12): number {
  return Math.ceil(text.length * size * 0.62);
}

function label(node: ReachNode): string {
  return node.kind === 'workload' ? node.id.slice(node.namespace.length + 1) : node.id.replace(/\[External\]$/, '');
}

interface Group {
  readonly key: string;
  readonly label: string;
  readonly external: boolean;
  readonly nodes: readonly { key: string; node: ReachNode }[];
}

function groupsOf(nodes: readonly ReachNode[]): Group[] {
  const byName = new Map<string, ReachNode[]>();
  for (const node of nodes) {
    const name = node.kind === 'workload' ? node.namespace : '';
    byName.set(name, [...(byName.get(name) ?? []), node]);
  }
  let n = 0;
  return [...byName.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
    .map(([name, members], i) => ({ key: `g${i}`, label: name || 'External', external: name === '', nodes: members.map((node) => ({ key: `n${n++}`, node })) }));
}

export async function svgLines(pairs: readonly FocusedPair[]): Promise<string[]> {
  const groups = groupsOf(pairNodes(pairs));
  const keyOf = new Map(groups.flatMap((g) => g.nodes.map((n) => [n.node.id, n.key] as const)));
  const edges = pairs.map((p, i) => {
    const connections = formatConnections(p.connections);
    const all = connections === 'All Connections';
    return { key: `e${i}`, pair: p, connections, kind: all ? ('allowed' as const) : ('partial' as const), label: all ? '' : connections.length > 28 ? `${connections.slice(0, 27)}…` : connections };
  });
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: { ...GRAPH_LAYOUT_OPTIONS },
    children: groups.map((g) => ({
      id: g.key,
      layoutOptions: { ...GROUP_LAYOUT_OPTIONS },
      children: g.nodes.map((n) => ({ id: n.key, width: Math.max(90, textWidth(label(n.node)) + 40), height: NODE_H })),
    })),
    edges: edges.map((e): ElkExtendedEdge => ({
      id: e.key,
      sources: [keyOf.get(e.pair.src.id)!],
      targets: [keyOf.get(e.pair.dst.id)!],
      ...(e.label && { labels: [{ text: e.label, width: textWidth(e.label, 11) + 8, height: LABEL_H }] }),
    })),
  };
  // Loaded on first use: the layout engine is most of the CLI's code, and only this format needs it.
  // Its CommonJS export is the constructor, with itself as `default`.
  const elk = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: typeof ElkConstructor };
  const laid = await new elk.default().layout(graph);
  return draw(groups, edges, laid);
}

type Edge = { key: string; pair: FocusedPair; connections: string; kind: 'allowed' | 'partial'; label: string };

function draw(groups: readonly Group[], edges: readonly Edge[], laid: ElkNode): string[] {
  const byKey = new Map((laid.children ?? []).flatMap((g) => [[g.id, g] as const, ...(g.children ?? []).map((n) => [n.id, n] as const)]));
  const laidEdges = new Map((laid.edges ?? []).map((e) => [e.id, e]));
  const width = Math.ceil(laid.width ?? 0);
  const height = Math.ceil(laid.height ?? 0);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>Reachability graph: ${edges.length} flows</title>`,
    '<defs>',
    ...(['allowed', 'partial'] as const).map((k) => `<marker id="arrow-${k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLORS[k]}"/></marker>`),
    '</defs>',
    `<rect width="100%" height="100%" fill="${COLORS.background}"/>`,
  ];
  for (const g of groups) {
    const box = byKey.get(g.key)!;
    lines.push(`<g class="graph-group"><rect ${rect(box)} rx="6" fill="${COLORS.box}" stroke="${COLORS.grid}"${g.external ? ' stroke-dasharray="4 3"' : ''}/><text x="${num((box.x ?? 0) + 10)}" y="${num((box.y ?? 0) + 19)}" fill="${COLORS.muted}" font-size="11" font-weight="600">${xml(g.label)}</text></g>`);
  }
  for (const e of edges) {
    const section = laidEdges.get(e.key)?.sections?.[0];
    const points: ElkPoint[] = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    const parts = [`<title>${xml(`${e.pair.src.id} → ${e.pair.dst.id}\n${e.connections}`)}</title>`, `<path d="${d}" fill="none" stroke="${COLORS[e.kind]}" stroke-width="1.5" marker-end="url(#arrow-${e.kind})"/>`];
    const text = e.label ? laidEdges.get(e.key)?.labels?.[0] : undefined;
    if (text) {
      parts.push(`<rect ${rect(text)} rx="3" fill="${COLORS.background}" stroke="${COLORS.grid}"/>`, `<text x="${num((text.x ?? 0) + (text.width ?? 0) / 2)}" y="${num((text.y ?? 0) + LABEL_H - 4)}" text-anchor="middle" font-size="11" fill="${COLORS.text}">${xml(e.label)}</text>`);
    }
    lines.push(`<g class="graph-edge" data-src="${xml(e.pair.src.id)}" data-dst="${xml(e.pair.dst.id)}">${parts.join('')}</g>`);
  }
  for (const g of groups) {
    for (const n of g.nodes) {
      const shape = byKey.get(n.key)!;
      lines.push(
        `<g class="graph-node" data-id="${xml(n.node.id)}"><title>${xml(n.node.id)}</title><rect ${rect(shape)} rx="4" fill="${COLORS.background}" stroke="${COLORS.text}"${n.node.kind === 'external' ? ' stroke-dasharray="3 2"' : ''}/><text x="${num((shape.x ?? 0) + (shape.width ?? 0) / 2)}" y="${num((shape.y ?? 0) + NODE_H / 2 + 4)}" text-anchor="middle" fill="${COLORS.text}">${xml(label(n.node))}</text></g>`,
      );
    }
  }
  lines.push('</svg>');
  return lines;
}

function rect(shape: { x?: number; y?: number; width?: number; height?: number }): string {
  return `x="${num(shape.x ?? 0)}" y="${num(shape.y ?? 0)}" width="${num(shape.width ?? 0)}" height="${num(shape.height ?? 0)}"`;
}

function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
