/**
 * Short readable names for the rules of a Calico policy:
 * `ingress 1: Allow TCP from app == 'web' to port 8080`, `egress 2: Deny to nets 10.0.0.0/8`.
 */
import type { CalicoPort, CalicoRule, EntityRule } from '../model/types';

export function calicoRuleLabel(rule: CalicoRule): string {
  const parts = [`${rule.direction} ${rule.index + 1}:`, rule.action?.value ?? '(no action)'];
  if (rule.protocol) parts.push(String(rule.protocol.value));
  if (rule.source) parts.push(`from ${entityLabel(rule.source, 'anywhere')}`);
  if (rule.destination) parts.push(`to ${entityLabel(rule.destination, 'anywhere')}`);
  if (!rule.source && !rule.destination) parts.push('all traffic');
  return parts.join(' ');
}

/** What a source or destination matches, in its own words. */
export function entityLabel(entity: EntityRule, empty: string): string {
  const parts: string[] = [];
  if (entity.selector) parts.push(entity.selector.text || 'all()');
  if (entity.notSelector) parts.push(`not ${entity.notSelector.text}`);
  if (entity.namespaceSelector) parts.push(`${parts.length > 0 ? 'in ' : ''}namespaces ${entity.namespaceSelector.text || 'all()'}`);
  if (entity.serviceAccounts) parts.push('service accounts');
  if (entity.services?.name) parts.push(`service ${entity.services.name.value}`);
  if (entity.nets) parts.push(`nets ${entity.nets.items.map((n) => n.value).join(', ')}`);
  if (entity.notNets) parts.push(`not nets ${entity.notNets.items.map((n) => n.value).join(', ')}`);
  if (entity.ports) parts.push(portsLabel('port', entity.ports.items));
  if (entity.notPorts) parts.push(portsLabel('not port', entity.notPorts.items));
  return parts.length > 0 ? parts.join(' ') : empty;
}

function portsLabel(word: string, ports: readonly CalicoPort[]): string {
  const texts = ports.map((p) => String(p.raw.value));
  return `${word}${texts.length === 1 ? '' : 's'} ${texts.join(', ')}`;
}
