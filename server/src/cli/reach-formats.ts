/**
 * `reach` renderings of the pairs in focus: netpol-analyzer's connlist text
 * (`SRC => DST : CONNS`), its csv and Markdown tables, Graphviz dot with one
 * cluster per namespace, and JSON with each pair's why-trace.
 */
import { formatConnections, type ConnectionSet } from '../ir/connection-set';
import { jsonDocumentLines, jsonSkippedPolicies, jsonTrace, type Locate } from '../evaluate/format-connlist';
import type { ReachEngine, ReachNode } from '../evaluate/reach-engine';
import type { FocusedPair } from './reach-focus';

// The line-per-pair formats render each line as its pair is found (focusedPairs), so
// that the CLI can write them out as they come.

/**
 * formatConnections, once per set: the engine hands out one interned set per distinct
 * answer (a few hundred), while a connlist may have millions of lines. Weak, so the sets
 * a focus connection makes for single pairs are not kept.
 */
function connectionsText(): (set: ConnectionSet) => string {
  const texts = new WeakMap<ConnectionSet, string>();
  return (set) => {
    let text = texts.get(set);
    if (text === undefined) {
      text = formatConnections(set);
      texts.set(set, text);
    }
    return text;
  };
}

export function* txtLines(pairs: Iterable<FocusedPair>): Iterable<string> {
  const conn = connectionsText();
  for (const p of pairs) yield `${p.src.id} => ${p.dst.id} : ${conn(p.connections)}`;
}

export function* mdLines(pairs: Iterable<FocusedPair>): Iterable<string> {
  const conn = connectionsText();
  yield '| src | dst | conn |';
  yield '|-----|-----|------|';
  for (const p of pairs) yield `| ${p.src.id} | ${p.dst.id} | ${conn(p.connections)} |`;
}

export function* csvLines(pairs: Iterable<FocusedPair>): Iterable<string> {
  const conn = connectionsText();
  yield 'src,dst,conn';
  for (const p of pairs) yield [p.src.id, p.dst.id, conn(p.connections)].map(csvField).join(',');
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The JSON document, each pair traced as it is written (jsonDocumentLines): at 20,000 workloads it is gigabytes. */
export function jsonLines<L>(engine: ReachEngine, pairs: Iterable<FocusedPair>, locate: Locate<L>): Iterable<string> {
  return jsonDocumentLines(tracedPairs(engine, pairs, locate), jsonSkippedPolicies(engine, locate));
}

function* tracedPairs<L>(engine: ReachEngine, pairs: Iterable<FocusedPair>, locate: Locate<L>): Iterable<object> {
  for (const { src, dst, connections: conn } of pairs) yield { src: src.id, dst: dst.id, conn: formatConnections(conn), trace: jsonTrace(engine.explain(src, dst), locate) };
}

/** The nodes of the pairs, each once, in id order. */
export function pairNodes(pairs: readonly FocusedPair[]): ReachNode[] {
  const nodes = new Map<string, ReachNode>();
  for (const p of pairs) for (const n of [p.src, p.dst]) nodes.set(n.id, n);
  return [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function dotLines(pairs: readonly FocusedPair[]): string[] {
  const lines = ['digraph {', '\tlabel="Connectivity Graph"', '\tlabelloc="t"', '\tfontsize=24'];
  const byNamespace = new Map<string, ReachNode[]>();
  for (const node of pairNodes(pairs)) {
    const group = node.kind === 'workload' ? node.namespace : '';
    byNamespace.set(group, [...(byNamespace.get(group) ?? []), node]);
  }
  for (const [namespace, nodes] of byNamespace) {
    const indent = namespace ? '\t\t' : '\t';
    if (namespace) lines.push(`\tsubgraph ${dotId(`cluster_${namespace}`)} {`, `\t\tlabel=${dotId(namespace)}`);
    for (const node of nodes) {
      const label = node.kind === 'workload' ? node.id.slice(node.namespace.length + 1) : node.id.replace(/\[External\]$/, '');
      const color = node.kind === 'workload' ? 'blue' : 'red2';
      lines.push(`${indent}${dotId(node.id)} [label=${dotId(label)} color="${color}" fontcolor="${color}"${node.kind === 'external' ? ' shape=box' : ''}]`);
    }
    if (namespace) lines.push('\t}');
  }
  for (const p of pairs) lines.push(`\t${dotId(p.src.id)} -> ${dotId(p.dst.id)} [label=${dotId(formatConnections(p.connections))} color="gold2" fontcolor="darkgreen"]`);
  lines.push('}');
  return lines;
}

function dotId(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
