/**
 * Hover on a workload (Deployment, Pod, StatefulSet, ...): which policies select
 * its pods, whether they are isolated for ingress and egress, and who can reach
 * it and whom it can reach according to the reachability engine.
 *
 * Shown on the workload's kind, its name and its pod labels: the places that say
 * which pods these are. Pure; returns Markdown and the hovered span, or null.
 */
import { formatConnections, isNoConnections } from '../../ir/connection-set';
import type { SideTrace } from '../../evaluate/trace-types';
import type { ReachEngine, ReachNode, WorkloadNode } from '../../evaluate/reach-engine';
import { formatLabelSet } from '../../model/selectors';
import type { Span } from '../../model/types';
import type { WorkloadObject } from '../../model/workloads';
import type { FileAnalysis } from '../file-analysis';
import { workloadAt } from './workload-at';

export interface WorkloadHover {
  readonly markdown: string;
  readonly span: Span;
}

const LISTED = 5;

/** What `hostNetwork: true` means for policies, and what the answer below assumed (the cluster profile's hostNetwork). */
const HOST_NETWORK =
  '**hostNetwork:** its pods use their node\'s network namespace and IP, and NetworkPolicy leaves their behaviour undefined: ' +
  'on most plugins no policy applies to them, and their traffic is the node\'s (always allowed to pods on the same node; matched by ipBlocks that cover node IPs, not by pod selectors). ';
const AS_NODE = 'The reachability below assumes that (cluster profile `hostNetwork: node`; `pod` treats them as ordinary pods).';
const AS_POD = 'The reachability below treats them as ordinary pods with these labels (cluster profile `hostNetwork: pod`).';

/** `reach` is called only when the offset is on a workload, so other hovers never pay for reachability. */
export function workloadHover(analysis: FileAnalysis, uri: string, offset: number, engine: ReachEngine): WorkloadHover | null {
  const hit = workloadAt(analysis, offset);
  if (!hit) return null;
  const node = engine.nodes.find((n): n is WorkloadNode => n.kind === 'workload' && n.workload.source.uri === uri && n.workload.source.span.start === hit.workload.ref.node.span.start);
  if (!node) return null;
  return { markdown: render(hit.workload, node, engine), span: hit.span };
}

function render(workload: WorkloadObject, node: WorkloadNode, engine: ReachEngine): string {
  const labels = node.workload.labels;
  const lines = [`**${workload.kind} \`${node.id.replace(/\[[^\]]*\]$/, '')}\`**`, '', labels.labels.size > 0 ? `Pods labelled \`${formatLabelSet(labels).split(', ').join('`, `')}\`.` : 'Its pods have no labels.', ''];
  if (workload.hostNetwork) lines.push(HOST_NETWORK + (engine.hostNetworkAsNode ? AS_NODE : AS_POD), '');
  lines.push(...isolation(node, engine), '');
  lines.push(reachLine('Who can reach it', engine.nodes.filter((n) => n !== node).map((src) => [src, engine.connections(src, node)] as const)));
  lines.push('', reachLine('Whom it can reach', engine.nodes.filter((n) => n !== node).map((dst) => [dst, engine.connections(node, dst)] as const)));
  return lines.join('\n');
}

/**
 * From the engine's own trace of the workload with itself: each side says which
 * policies isolate it (of every dialect alike) and which were left out.
 */
function isolation(node: WorkloadNode, engine: ReachEngine): string[] {
  const trace = engine.explain(node, node);
  const sides = [trace.ingress, trace.egress];
  const ids = [...new Set(sides.flatMap((side) => side.isolatedBy.map((p) => p.id)))].sort();
  const head = ids.length === 0 ? 'No policy selects its pods.' : `Selected by ${ids.length === 1 ? '1 policy' : `${ids.length} policies`}: ${list(ids.map((id) => `\`${id}\``))}.`;
  const line = (side: SideTrace, word: string): string => {
    const n = side.isolatedBy.length;
    if (side.status !== 'isolated') return `- **${word}:** not isolated: no policy restricts it.`;
    return `- **${word}:** isolated: only what ${n === 1 ? 'that policy allows' : 'those policies allow'} gets ${side.direction === 'ingress' ? 'in' : 'out'}.`;
  };
  const ignored = [...new Set(sides.flatMap((side) => side.skipped.map((s) => s.policy.id)))].sort();
  const lines = [head, line(trace.ingress, 'Ingress'), line(trace.egress, 'Egress')];
  if (ignored.length > 0) lines.push(`- Ignored, since the API server would reject ${ignored.length === 1 ? 'it' : 'them'}: ${list(ignored.map((id) => `\`${id}\``))}.`);
  return lines;
}

function reachLine(title: string, pairs: readonly (readonly [ReachNode, ReturnType<ReachEngine['connections']>])[]): string {
  const allowed = pairs.filter(([, set]) => !isNoConnections(set));
  const workloads = allowed.filter(([n]) => n.kind === 'workload');
  const outside = allowed.length > workloads.length;
  if (allowed.length === 0) return `**${title}:** nothing.`;
  const shown = workloads.slice(0, LISTED).map(([n, set]) => `\`${n.id}\` (${formatConnections(set)})`);
  const more = workloads.length > LISTED ? [`${workloads.length - LISTED} more`] : [];
  const ext = outside ? ['addresses outside the cluster'] : [];
  const count = `${workloads.length} workload${workloads.length === 1 ? '' : 's'}${outside ? ' and the outside' : ''}`;
  return `**${title}** (${count}): ${list([...shown, ...more, ...ext])}.`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
