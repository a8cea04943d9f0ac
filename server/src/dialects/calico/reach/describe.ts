/** Plain-English names for Calico policies and rule sides, used by why-traces and their renderings. */
import { formatSelector } from '../selector/print';
import type { CalicoRef, CalicoSel, CompiledCalicoRule, CompiledEntity, EntityNamespaces } from './types';
import { ALL_CONNECTIONS, ICMP_PROTOCOLS, isAllConnections, PROTOCOLS, subtractConnections, type ConnectionSet } from '../../../ir/connection-set';
import { formatIcmp } from '../../../ir/icmp-set';
import { formatOtherProtocols } from '../../../ir/other-protocols';
import { formatPorts } from '../../../ir/port-set';

/** `GlobalNetworkPolicy default-deny (tier default, order 5000)`. */
export function policyTitle(ref: CalicoRef): string {
  const order = ref.calico.order === undefined ? 'no order' : `order ${ref.calico.order}`;
  const kind = ref.calico.kind === 'GlobalNetworkPolicy' ? 'GlobalNetworkPolicy' : 'Calico NetworkPolicy';
  return `${kind} ${ref.id} (tier ${ref.calico.tier}, ${order})`;
}

function sel(selector: CalicoSel): string {
  return formatSelector(selector.ast);
}

function namespacesPhrase(namespaces: EntityNamespaces): string {
  switch (namespaces.kind) {
    case 'any':
      return 'in any namespace';
    case 'named':
      return `in namespace ${namespaces.namespace}`;
    case 'none':
      return 'outside every namespace (global())';
    case 'selected':
      return namespaces.selector.ast.kind === 'all' ? 'in all namespaces' : `in namespaces where ${sel(namespaces.selector)}`;
  }
}

/** What one side of a rule matches: `pods where app == "web" in namespace shop`, `anything`, ... */
function entityPhrase(entity: CompiledEntity): string {
  const parts: string[] = [];
  if (entity.scoped) {
    const pods = entity.scoped.selector && entity.scoped.selector.ast.kind !== 'all' ? `pods where ${sel(entity.scoped.selector)}` : 'all pods';
    parts.push(`${pods} ${namespacesPhrase(entity.scoped.namespaces)}`);
  }
  if (entity.notSelector) parts.push(`${entity.scoped ? 'but ' : ''}not endpoints where ${sel(entity.notSelector)}`);
  if (entity.nets) parts.push(`addresses in ${entity.netsText ?? ''}`);
  if (entity.notNets) parts.push(`addresses outside ${entity.notNetsText ?? ''}`);
  return parts.length === 0 ? 'anything' : parts.join(', ');
}

function portsPhrase(entity: CompiledEntity): string {
  const list = (ports: NonNullable<CompiledEntity['ports']>): string => [formatPorts(ports.numbers), ...ports.names].filter((p) => p !== '').join(',');
  const parts: string[] = [];
  if (entity.ports) parts.push(`port ${list(entity.ports)}`);
  if (entity.notPorts) parts.push(`not port ${list(entity.notPorts)}`);
  return parts.join(', ');
}

/**
 * The protocols a rule matches, before its ports: nothing for all of them, ` TCP`,
 * ` ICMP type 8 code 0`, ` protocol 47`, or ` (all protocols but TCP)` when what
 * the rule leaves out is shorter to say than what it matches.
 */
function protocolWord(rule: CompiledCalicoRule): string {
  if (isAllConnections(rule.protocols)) return '';
  const matched = protocolsText(rule.protocols);
  if (matched === '') return ' (no protocol)';
  const left = protocolsText(subtractConnections(ALL_CONNECTIONS, rule.protocols));
  return left.length < matched.length ? ` (all protocols but ${left})` : ` ${matched}`;
}

/** The protocols of a set in connlist order, with ICMP types and codes and protocol numbers but not ports (the ports phrase says those). */
function protocolsText(set: ConnectionSet): string {
  const parts: string[] = [];
  for (const p of ICMP_PROTOCOLS) if (set[p].length > 0) parts.push(formatIcmp(p, set[p]));
  for (const p of PROTOCOLS) if (set[p].length > 0) parts.push(p);
  if (set.other.length > 0) parts.push(formatOtherProtocols(set.other));
  return parts.join(', ');
}

/** `Deny from pods where env == "dev" in namespace development to port 80`: the far side, and the ports. */
export function calicoRulePhrase(rule: CompiledCalicoRule, direction: 'ingress' | 'egress'): string {
  const far = direction === 'ingress' ? `from ${entityPhrase(rule.from)}` : `to ${entityPhrase(rule.to)}`;
  const own = direction === 'ingress' ? rule.to : rule.from;
  const ownPhrase = own.scoped || own.notSelector || own.nets || own.notNets ? `, when this pod is one of ${entityPhrase(own)}` : '';
  const ports = portsPhrase(rule.to);
  return `${rule.action}${protocolWord(rule)} ${far}${ports ? `, ${ports}` : ''}${ownPhrase}`;
}
