/**
 * Finds a node from what a person types: `ns/name[Kind]`, `ns/name`, a unique
 * workload name, an IP address (the external range holding it), or a range.
 */
import { parseIp } from '../ir/ip-range';
import type { ReachEngine, ReachNode } from './reach-engine';

export function findNode(engine: ReachEngine, text: string): { node: ReachNode } | { error: string } {
  const exact = engine.node(text) ?? engine.node(`${text}[External]`);
  if (exact) return { node: exact };
  const ip = parseIp(text);
  if (ip) {
    const node = engine.nodes.find((n) => n.kind === 'external' && n.range.family === ip.family && n.range.start <= ip.value && ip.value <= n.range.end);
    if (node) return { node };
  }
  const candidates = engine.nodes.filter((n) => n.kind === 'workload' && (text.includes('/') ? `${n.namespace}/${n.workload.name}` === text : n.workload.name === text));
  if (candidates.length === 1) return { node: candidates[0]! };
  if (candidates.length > 1) return { error: `"${text}" is ambiguous: ${candidates.map((n) => n.id).join(', ')}` };
  return { error: `no workload or external address matches "${text}"` };
}
