/** Plain-English names for peers and rules, used by why-traces and their renderings. */
import { describeSelector } from '../model/selectors';
import type { CompiledPeer, CompiledPolicy } from './types';

export function describePeer(policy: CompiledPolicy, peer: CompiledPeer, direction: 'ingress' | 'egress'): string {
  const word = direction === 'ingress' ? 'from' : 'to';
  if (peer.kind === 'ipBlock') return `${word} ipBlock ${peer.text}`;
  const pods = peer.podSelector && !peer.podSelector.matchesAll ? `pods with ${describeSelector(peer.podSelector)}` : 'all pods';
  if (!peer.namespaceSelector) return `${word} ${pods} in namespace ${policy.ref.namespace}`;
  const namespaces = peer.namespaceSelector.matchesAll ? 'all namespaces' : `namespaces with ${describeSelector(peer.namespaceSelector)}`;
  return `${word} ${pods} in ${namespaces}`;
}

export function describeRulePeers(direction: 'ingress' | 'egress'): string {
  return direction === 'ingress' ? 'from all sources (no "from" list)' : 'to all destinations (no "to" list)';
}
