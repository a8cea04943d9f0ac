/**
 * Peers as ValidateNetworkPolicyPeer checks them: a peer must name at least one of
 * podSelector, namespaceSelector and ipBlock, and ipBlock may not be combined with
 * either selector. A selector key with no value (`podSelector:`) decodes to nil in a
 * peer (the field is a pointer there), so it counts as absent, as it does for the API server.
 */
import { getPair, isMap, isNullish, isSeq, type YMap, type YPair } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy, ObjectRef, PolicyRule } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { PolicyCheck } from './check';
import { dataAt, pathToSpan, type NodePath } from '../../../analysis/checks/finding-data';
import { nodeSpan } from '../../../core/parse/node-spans';
import { allRules } from './policy-walk';

const PEER_KEYS = ['podSelector', 'namespaceSelector', 'ipBlock'] as const;

export const peerCheck: PolicyCheck = {
  id: 'peers',
  run(policy: NetworkPolicy): Finding[] {
    const findings: Finding[] = [];
    for (const rule of allRules(policy)) findings.push(...rulePeerFindings(policy.ref, rule));
    return findings;
  },
};

function rulePeerFindings(ref: ObjectRef, rule: PolicyRule): Finding[] {
  const list = rule.peers?.node;
  if (!isSeq(list)) return [];
  const path = pathToSpan(ref.node, list.span);
  if (!path) return [];
  const findings: Finding[] = [];
  list.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const present = PEER_KEYS.map((k) => getPair(item, k)).filter((p): p is YPair => p !== undefined && !isNullish(p.value));
    // Unknown keys get their own error (often a misspelt selector); an "empty peer" on top would be noise.
    const unknown = item.items.some((p) => !(PEER_KEYS as readonly string[]).includes(p.keyText));
    if (present.length === 0 && !unknown) findings.push(emptyPeer(ref, item, [...path, i], rule));
    const nullNamespace = getPair(item, 'namespaceSelector');
    if (nullNamespace && isNullish(nullNamespace.value) && present.some((p) => p.keyText === 'podSelector')) findings.push(nullNamespaceSelector(ref, nullNamespace, [...path, i]));
    const ipBlock = present.find((p) => p.keyText === 'ipBlock');
    if (ipBlock && present.length > 1) findings.push(ipBlockWithSelector(ref, item, ipBlock, present, [...path, i]));
  });
  return findings;
}

function emptyPeer(ref: ObjectRef, item: YMap, path: NodePath, rule: PolicyRule): Finding {
  const nullKey = PEER_KEYS.find((k) => getPair(item, k) !== undefined);
  const list = rule.direction === 'ingress' ? 'from' : 'to';
  let message: string;
  if (nullKey) {
    message = `"${nullKey}:" has no value, which the API server treats as not set, so this peer is empty and rejected ("must specify a peer"). Write "${nullKey}: {}" to mean all ${nullKey === 'ipBlock' ? 'addresses' : nullKey === 'podSelector' ? 'pods' : 'namespaces'}, or add matchLabels.`;
  } else {
    message = `An empty peer is rejected ("must specify a peer"): give it a podSelector, namespaceSelector or ipBlock. To allow every ${rule.direction === 'ingress' ? 'source' : 'destination'}, remove "${list}" from the rule instead.`;
  }
  const span = nullKey ? getPair(item, nullKey)!.key.span : item.items[0]?.key.span ?? item.span;
  return finding('netpol/empty-peer', 'error', message, span, { data: dataAt(ref, path, { ...(nullKey && nullKey !== 'ipBlock' && { nullKey }) }) });
}

/** `namespaceSelector:` with no value next to a podSelector reads as "all namespaces" but means "this namespace". */
function nullNamespaceSelector(ref: ObjectRef, pair: YPair, path: NodePath): Finding {
  const message =
    '"namespaceSelector:" has no value, so the API server drops it and this peer selects pods in the policy\'s own namespace only, not in all namespaces. Write "namespaceSelector: {}" to mean all namespaces.';
  return finding('netpol/null-selector', 'warning', message, pair.key.span, { data: dataAt(ref, path, { nullKey: 'namespaceSelector' }) });
}

function ipBlockWithSelector(ref: ObjectRef, item: YMap, ipBlock: YPair, present: readonly YPair[], path: NodePath): Finding {
  const others = present.filter((p) => p !== ipBlock).map((p) => p.keyText);
  // The API server names the peer, not the ipBlock key: "spec.egress[0].to[1]: Forbidden: may not specify both ipBlock and another peer".
  const message = `This peer (${apiPath(path)}) combines ipBlock with ${others.join(' and ')}: the API server rejects it ("may not specify both ipBlock and another peer"). Put the ipBlock in a peer of its own (a separate "- ipBlock:" item).`;
  // The split fix cuts the map in two at one key, so it needs ipBlock first or last.
  const index = item.items.indexOf(ipBlock);
  const splitAt = index === item.items.length - 1 ? 'ipBlock' : index === 0 ? item.items[1]?.keyText : undefined;
  return finding('netpol/ipblock-with-selector', 'error', message, nodeSpan(item), { data: dataAt(ref, path, { ...(splitAt && { splitAt }) }) });
}

/** A field path as the API server writes it in errors: spec.egress[0].to[1]. */
function apiPath(path: NodePath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
