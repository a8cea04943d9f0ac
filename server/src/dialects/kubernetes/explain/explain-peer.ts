/**
 * Hovers on a `from`/`to` list and on one of its items. The point to get across:
 * separate `-` items are alternatives (OR); selectors inside ONE item must all
 * match (AND). Two items that look like they were meant as one get a warning.
 */
import type { NetworkPolicy, Peer, PolicyRule } from '../../../model/types';
import { code, eitherOr, paragraphs } from '../../../analysis/explain/markdown';
import { hasPorts, ownNamespace, peerPhrase, portsPhrase } from './traffic-words';

function listKey(rule: PolicyRule): 'from' | 'to' {
  return rule.direction === 'ingress' ? 'from' : 'to';
}

/** "traffic from" / "traffic to" */
function trafficWord(rule: PolicyRule): string {
  return rule.direction === 'ingress' ? 'traffic from' : 'traffic to';
}

export function explainPeers(rule: PolicyRule): string {
  const key = listKey(rule);
  const title = rule.direction === 'ingress' ? '**`from`**: where traffic to the selected pods may come from.' : '**`to`**: where the selected pods may send traffic.';
  const peers = rule.peers?.items ?? [];
  if (peers.length === 0) {
    const anything = rule.direction === 'ingress' ? 'from anywhere' : 'to anywhere';
    return paragraphs([title, `An empty \`${key}\` list is the same as no \`${key}\`: this rule allows traffic ${anything} (any pod, any namespace, any IP address), limited only by its \`ports\` (${portsPhrase(rule)}).`]);
  }
  const what = peers.length === 1 ? `This list has one item: it allows ${trafficWord(rule)} ${peerPhrase(peers[0]!)}.` : `This list allows ${trafficWord(rule)} ${eitherOr(peers.map(peerPhrase))}.`;
  return paragraphs([
    title,
    what,
    `Each \`-\` item is a separate alternative (OR). Inside one item, \`namespaceSelector\` and \`podSelector\` must BOTH match (AND).`,
    hasPorts(rule) && `The rule's \`ports\` apply on top (AND): ${portsPhrase(rule)}.`,
    ...slipWarnings(rule),
  ]);
}

export function explainPeer(rule: PolicyRule, peer: Peer, policy: NetworkPolicy): string {
  const peers = rule.peers?.items ?? [];
  const position = peers.indexOf(peer);
  const title = `**\`${listKey(rule)}\` item ${position + 1} of ${peers.length}**`;
  const others = peers.length > 1 && `It is one of ${peers.length} alternatives (OR): the rule allows ${trafficWord(rule)} ${eitherOr(peers.map(peerPhrase))}.`;
  return paragraphs([title, `Allows ${trafficWord(rule)} ${peerPhrase(peer)}.`, kindNote(rule, peer, policy), others, ...slipWarnings(rule, position)]);
}

function kindNote(rule: PolicyRule, peer: Peer, policy: NetworkPolicy): string {
  const { podSelector: pods, namespaceSelector: namespaces } = peer;
  const who = rule.direction === 'ingress' ? 'a source' : 'a destination';
  if (peer.ipBlock && (peer.podSelector || peer.namespaceSelector)) {
    return '**Invalid:** `ipBlock` cannot be combined with `podSelector` or `namespaceSelector` in the same item; the API server rejects it. Put them in separate items (OR).';
  }
  if (peer.ipBlock) return 'An `ipBlock` item matches by IP address, not by labels.';
  if (pods && namespaces) return `This item has BOTH \`namespaceSelector\` and \`podSelector\`, so ${who} must match both (AND): it must be a pod that matches the \`podSelector\` AND runs in a namespace that matches the \`namespaceSelector\`.`;
  if (pods) return `It has only a \`podSelector\`, so it covers only pods in the policy's own namespace${ownNamespace(policy)}.`;
  if (namespaces) return 'It has only a `namespaceSelector`, so it covers every pod in the matching namespaces.';
  return '**Invalid:** an item needs at least one of `podSelector`, `namespaceSelector` or `ipBlock` (a selector with no value counts as not set).';
}

/**
 * Adjacent items where one has only a `namespaceSelector` and the other only a
 * `podSelector`: the classic slip of one `-` too many, which turns AND into OR.
 * With `only`, just the warnings that involve that item position.
 */
function slipWarnings(rule: PolicyRule, only?: number): string[] {
  const peers = rule.peers?.items ?? [];
  const warnings: string[] = [];
  for (let i = 0; i + 1 < peers.length; i++) {
    if (only !== undefined && only !== i && only !== i + 1) continue;
    const warning = slipWarning(peers[i]!, peers[i + 1]!, i);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

function slipWarning(first: Peer, second: Peer, index: number): string | undefined {
  const a = selectorOnly(first);
  const b = selectorOnly(second);
  if (!a || !b || a === b) return undefined;
  const namespaceItem = a === 'namespaceSelector' ? first : second;
  const podItem = a === 'podSelector' ? first : second;
  return (
    `**Check:** items ${index + 1} and ${index + 2} are separate, so they are OR: ${peerPhrase(namespaceItem)}, OR ${peerPhrase(podItem)}. ` +
    `If you meant only ${peerPhrase({ ...podItem, namespaceSelector: namespaceItem.namespaceSelector! })} (AND), make them ONE item: delete the \`-\` in front of ${code(b)} so it lines up under ${code(a)}.`
  );
}

/** `podSelector` or `namespaceSelector` when that is the item's only field. */
function selectorOnly(peer: Peer): 'podSelector' | 'namespaceSelector' | undefined {
  if (peer.ipBlock) return undefined;
  const { podSelector: pods, namespaceSelector: namespaces } = peer;
  if (pods && !namespaces) return 'podSelector';
  if (namespaces && !pods) return 'namespaceSelector';
  return undefined;
}
