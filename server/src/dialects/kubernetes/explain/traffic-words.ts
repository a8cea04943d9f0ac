/**
 * Peers, ports and rules as phrases that slot into sentences ("from …, on …").
 * The policy summary, rule, peer and port hovers all build on these, so they
 * describe the same policy in the same words.
 */
import type { IpBlock, LabelSelector, NetworkPolicy, Peer, PolicyRule, PortSpec } from '../../../model/types';
import { effectiveProtocol } from '../policy-defaults';
import { code, eitherOr, joinOr, listAnd, listOr } from '../../../analysis/explain/markdown';
import { isEmptySelector, qualifier } from './selector-words';

/** `namespace \`default\`` or, when the policy names none, `the policy's namespace`. */
export function namespacePhrase(policy: NetworkPolicy): string {
  const namespace = policy.metadata.namespace?.value;
  return namespace === undefined ? "the policy's namespace" : `namespace ${code(namespace)}`;
}

/** `, \`default\`` after "the policy's own namespace", when the policy names it. */
export function ownNamespace(policy: NetworkPolicy): string {
  const namespace = policy.metadata.namespace?.value;
  return namespace === undefined ? '' : `, ${code(namespace)}`;
}

/** The pods the policy applies to: `pods in namespace \`default\` labelled \`app=web\``. */
export function policyPodsPhrase(policy: NetworkPolicy): string {
  const selector = policy.spec.podSelector;
  const where = namespacePhrase(policy);
  if (!selector || isEmptySelector(selector)) return `every pod in ${where}`;
  return `pods in ${where} ${qualifier(selector)}`;
}

export function peerPhrase(peer: Peer): string {
  if (peer.ipBlock) return ipBlockPhrase(peer.ipBlock);
  const { podSelector: pods, namespaceSelector: namespaces } = peer;
  if (pods && namespaces) {
    const podPart = isEmptySelector(pods) ? 'every pod' : `pods ${qualifier(pods)}`;
    return `${podPart} in ${namespacesPhrase(namespaces)}`;
  }
  if (pods) return isEmptySelector(pods) ? 'every pod in the same namespace' : `pods in the same namespace ${qualifier(pods)}`;
  if (namespaces) return `every pod in ${namespacesPhrase(namespaces)}`;
  return 'nothing (this item sets no selector and no `ipBlock`, which the API server rejects)';
}

/**
 * `any namespace`, `namespaces labelled …`, or `namespace \`kube-system\`` when the
 * selector only tests the name label Kubernetes puts on every namespace.
 */
export function namespacesPhrase(selector: LabelSelector): string {
  if (isEmptySelector(selector)) return 'any namespace';
  const names = namespaceNames(selector);
  if (names) return `${names.length === 1 ? 'namespace' : 'namespaces'} ${listOr(names.map(code))}`;
  return `namespaces ${qualifier(selector)}`;
}

const NAME_LABEL = 'kubernetes.io/metadata.name';

function namespaceNames(selector: LabelSelector): string[] | undefined {
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels.length === 1 && matchExpressions.length === 0 && matchLabels[0]!.key.value === NAME_LABEL) return [matchLabels[0]!.value.value];
  const only = matchExpressions[0];
  if (matchLabels.length === 0 && matchExpressions.length === 1 && only?.key?.value === NAME_LABEL && only.operator?.value === 'In' && only.values.length > 0) {
    return only.values.map((v) => v.value);
  }
  return undefined;
}

function ipBlockPhrase(ipBlock: IpBlock): string {
  const cidr = ipBlock.cidr?.value;
  const range = cidr === undefined ? 'an address range with no `cidr` (invalid)' : cidr === '0.0.0.0/0' ? 'any IPv4 address' : cidr === '::/0' ? 'any IPv6 address' : `IP addresses in ${code(cidr)}`;
  if (ipBlock.except.length === 0) return range;
  return `${range} except ${listAnd(ipBlock.except.map((e) => code(e.value)))}`;
}

/** Whether a rule lists peers. `from: []` is the same as no `from`: every source. */
function hasPeers(rule: PolicyRule): boolean {
  return (rule.peers?.items.length ?? 0) > 0;
}

export function hasPorts(rule: PolicyRule): boolean {
  return (rule.ports?.items.length ?? 0) > 0;
}

/** `from EITHER (1) … OR (2) …` / `to anywhere`. */
function peersPhrase(rule: PolicyRule): string {
  const word = rule.direction === 'ingress' ? 'from' : 'to';
  if (!hasPeers(rule)) return `${word} anywhere`;
  return `${word} ${eitherOr(rule.peers!.items.map(peerPhrase))}`;
}

/** `TCP port 80`, `TCP ports 32000–32768`, `the TCP port named \`http\``, `any UDP port`. */
export function portPhrase(port: PortSpec): string {
  const protocol = effectiveProtocol(port);
  const value = port.port?.value;
  if (value === undefined) return `any ${protocol} port`;
  if (typeof value === 'string' && /^\d+$/.test(value)) return `${protocol} port ${code(`"${value}"`)} (invalid: a quoted number is read as a port name)`;
  if (typeof value === 'string') return `the ${protocol} port named ${code(value)}`;
  if (port.endPort !== undefined) return `${protocol} ports ${value}–${port.endPort.value}`;
  return `${protocol} port ${value}`;
}

/** `on any port` / `on TCP port 80 OR UDP port 53`. */
export function portsPhrase(rule: PolicyRule): string {
  if (!hasPorts(rule)) return 'on any port';
  return `on ${joinOr(rule.ports!.items.map(portPhrase))}`;
}

/** A rule without peers and without ports allows everything in its direction. */
export function allowsEverything(rule: PolicyRule): boolean {
  return !hasPeers(rule) && !hasPorts(rule);
}

/** `from pods … , on TCP port 80`. */
export function rulePhrase(rule: PolicyRule): string {
  return `${peersPhrase(rule)}, ${portsPhrase(rule)}`;
}
