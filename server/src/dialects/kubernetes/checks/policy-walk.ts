/** Small iterators over a policy's parts, so checks do not repeat the same loops. */
import type { LabelSelector, NetworkPolicy, Peer, PolicyRule } from '../../../model/types';

export function allRules(policy: NetworkPolicy): PolicyRule[] {
  return [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])];
}

export interface PeerSite {
  readonly rule: PolicyRule;
  readonly peer: Peer;
  /** 0-based position of the peer's node in its `from`/`to` sequence. */
  readonly index: number;
}

export function allPeers(policy: NetworkPolicy): PeerSite[] {
  const sites: PeerSite[] = [];
  for (const rule of allRules(policy)) {
    const node = rule.peers?.node;
    if (!node || node.kind !== 'seq') continue;
    for (const peer of rule.peers?.items ?? []) sites.push({ rule, peer, index: node.items.indexOf(peer.node) });
  }
  return sites;
}

export function allSelectors(policy: NetworkPolicy): LabelSelector[] {
  const selectors: LabelSelector[] = [];
  if (policy.spec.podSelector) selectors.push(policy.spec.podSelector);
  for (const { peer } of allPeers(policy)) {
    if (peer.podSelector) selectors.push(peer.podSelector);
    if (peer.namespaceSelector) selectors.push(peer.namespaceSelector);
  }
  return selectors;
}
