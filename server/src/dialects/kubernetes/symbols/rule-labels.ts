/**
 * Short readable names for the parts of a Kubernetes NetworkPolicy, for the
 * outline and breadcrumbs: `ingress 1: from app=web OR namespace shop on TCP 8080`,
 * `app=web in namespace shop`, `10.0.0.0/8 except 10.1.0.0/16`.
 */
import { NAMESPACE_NAME_LABEL } from '../../../model/namespaces';
import type { LabelSelector, Peer, PolicyRule, PortSpec } from '../../../model/types';
import { compileSelector, describeSelector, type CompiledSelector } from '../../../model/selectors';

const LISTED_PEERS = 3;

export function ruleLabel(rule: PolicyRule): string {
  const word = rule.direction === 'ingress' ? 'from' : 'to';
  return `${rule.direction} ${rule.index + 1}: ${word} ${peersText(rule)} on ${portsText(rule.ports?.items)}`;
}

function peersText(rule: PolicyRule): string {
  const peers = rule.peers?.items ?? [];
  if (peers.length === 0) return 'anywhere';
  const shown = peers.slice(0, LISTED_PEERS).map(peerLabel);
  const more = peers.length > LISTED_PEERS ? ` OR ${peers.length - LISTED_PEERS} more` : '';
  // Peers are alternatives: a comma would read as the AND between a selector's labels.
  return shown.join(' OR ') + more;
}

export function peerLabel(peer: Peer): string {
  if (peer.ipBlock) {
    const cidr = peer.ipBlock.cidr?.value ?? '(no cidr)';
    const except = peer.ipBlock.except.map((e) => e.value);
    return except.length > 0 ? `${cidr} except ${except.join(', ')}` : cidr;
  }
  const pods = peer.podSelector ? podsText(peer.podSelector) : undefined;
  const namespaces = peer.namespaceSelector ? namespacesText(peer.namespaceSelector) : undefined;
  if (pods && namespaces) return `${pods} in ${namespaces}`;
  if (pods ?? namespaces) return (pods ?? namespaces)!;
  // `{}` selects nothing the API server accepts; anything else here is a field it could not read.
  return peer.node.kind === 'map' && peer.node.items.length > 0 ? '(unreadable peer)' : '(empty peer)';
}

export function podsText(selector: LabelSelector): string {
  const compiled = readable(selector);
  return compiled.matchesAll ? 'all pods' : describeSelector(compiled);
}

function namespacesText(selector: LabelSelector): string {
  const compiled = readable(selector);
  if (compiled.matchesAll) return 'all namespaces';
  const [only] = compiled.requirements;
  if (compiled.requirements.length === 1 && only!.key === NAMESPACE_NAME_LABEL && only!.operator === 'In') {
    return only!.values.length === 1 ? `namespace ${only!.values[0]}` : `namespaces ${only!.values.join(', ')}`;
  }
  return `namespaces ${describeSelector(compiled)}`;
}

/** Even a selector the API server would reject has a readable part worth naming. */
function readable(selector: LabelSelector): CompiledSelector {
  return compileSelector(selector).selector;
}

/** `TCP 8080`, `UDP 53, TCP 53`, `TCP 8000-8080`, `all ports`. */
function portsText(ports: readonly PortSpec[] | undefined): string {
  if (!ports || ports.length === 0) return 'all ports';
  return ports
    .map((p) => {
      const protocol = p.protocol?.value ?? 'TCP';
      const port = p.port?.value;
      if (port === undefined) return `${protocol} (all ports)`;
      return p.endPort ? `${protocol} ${port}-${p.endPort.value}` : `${protocol} ${port}`;
    })
    .join(', ');
}
