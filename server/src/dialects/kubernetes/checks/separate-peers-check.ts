/**
 * A namespaceSelector peer right next to a podSelector peer is the most common
 * NetworkPolicy misreading: two list items are alternatives (OR), while one item
 * with both selectors means "these pods in those namespaces" (AND). Legal and
 * sometimes meant, so it is information that spells out both readings, with a fix
 * that merges the two items into one peer.
 */
import { getPair, isMap, isNullish, isSeq, type YMap, type YNode } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy, Peer, PolicyRule } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { hasSyntaxErrors } from './document-state';
import { dataAt, pathToSpan } from '../../../analysis/checks/finding-data';
import { allRules } from './policy-walk';
import { isEmptySelector } from './selector-match';
import { selectorText } from './selector-text';

type PeerShape = 'namespace-only' | 'pod-only' | 'other';

export const separatePeersCheck: PolicyCheck = {
  id: 'separate-peers',
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    if (hasSyntaxErrors(policy, context)) return [];
    return allRules(policy).flatMap((rule) => ruleFindings(policy, rule));
  },
};

function ruleFindings(policy: NetworkPolicy, rule: PolicyRule): Finding[] {
  const list = rule.peers?.node;
  if (!isSeq(list)) return [];
  const findings: Finding[] = [];
  for (let i = 0; i + 1 < list.items.length; i++) {
    const first = list.items[i]!;
    const second = list.items[i + 1]!;
    const shapes = [shapeOf(first), shapeOf(second)].sort().join('+');
    if (shapes !== 'namespace-only+pod-only') continue;
    const path = pathToSpan(policy.ref.node, list.span);
    if (!path) continue;
    findings.push(orFinding(policy, rule, first as YMap, second as YMap, [...path, i]));
    i++; // The second item is spoken for; do not pair it again with the next one.
  }
  return findings;
}

function shapeOf(node: YNode): PeerShape {
  if (!isMap(node)) return 'other';
  const has = (key: string): boolean => !isNullish(getPair(node, key)?.value);
  if (has('ipBlock')) return 'other';
  if (has('namespaceSelector') && !has('podSelector')) return 'namespace-only';
  if (has('podSelector') && !has('namespaceSelector')) return 'pod-only';
  return 'other';
}

function orFinding(policy: NetworkPolicy, rule: PolicyRule, first: YMap, second: YMap, path: readonly (string | number)[]): Finding {
  const peers = rule.peers?.items ?? [];
  const peerOf = (node: YMap): Peer | undefined => peers.find((p) => p.node === node);
  const nsPeer = shapeOf(first) === 'namespace-only' ? first : second;
  const podPeer = nsPeer === first ? second : first;
  const nsSelector = peerOf(nsPeer)?.namespaceSelector;
  const podSelector = peerOf(podPeer)?.podSelector;
  const namespaces = isEmptySelector(nsSelector) ? 'every namespace' : `namespaces with ${selectorText(nsSelector)}`;
  const pods = isEmptySelector(podSelector) ? 'all pods' : `pods with ${selectorText(podSelector)}`;
  const direction = rule.direction === 'ingress' ? 'from' : 'to';
  const message =
    `These two peers are alternatives (OR): the rule allows traffic ${direction} all pods in ${namespaces}, OR ${direction} ${pods} in this policy's own namespace. ` +
    `If you meant only ${pods} in ${namespaces} (AND), merge them into one peer.`;
  const secondKey = second.items.find((p) => p.keyText === 'podSelector' || p.keyText === 'namespaceSelector')!;
  const firstKey = first.items.find((p) => p.keyText === 'podSelector' || p.keyText === 'namespaceSelector')!;
  return finding('netpol/separate-peers', 'warning', message, secondKey.key.span, {
    data: dataAt(policy.ref, path),
    related: [{ span: firstKey.key.span, message: 'The other peer of the pair.' }],
  });
}
