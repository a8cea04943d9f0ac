/**
 * The parts of a Calico rule that decide which connections it matches:
 * protocols (with ICMP types and codes), destination ports (exact port sets per protocol, named ports
 * resolved against the destination pod), and nets as address ranges.
 */
import { parseNet } from '../model/cidr';
import { interpretProtocol } from '../model/protocol';
import type { CalicoPort, CalicoRule, Field, IcmpMatch, ListField } from '../model/types';
import type { CalicoPorts, CompiledEntity } from './types';
import { ALL_CONNECTIONS, connectionsOf, icmpConnections, intersectConnections, NO_CONNECTIONS, otherConnections, PROTOCOLS, subtractConnections, type ConnectionSet, type Protocol } from '../../../ir/connection-set';
import { ALL_ICMP, icmpMessages, NO_ICMP } from '../../../ir/icmp-set';
import { NAMED_PROTOCOL_NUMBERS, otherProtocol } from '../../../ir/other-protocols';
import { rangeOf, type IpRange } from '../../../ir/ip-range';
import { ALL_PORTS, NO_PORTS, portRange, subtractPorts, unionPorts, type PortSet } from '../../../ir/port-set';
import { resolveNamedPort, type DeclaredPort } from '../../../ir/rule-ports';

/**
 * The connections a rule's protocol fields match, with every port: all of them
 * without `protocol`, else the one protocol (TCP, UDP and SCTP by their ports,
 * ICMP and ICMPv6 by type and code, any other by number); `icmp` narrows ICMP to
 * its type (and code), and `notProtocol`, `notICMP` and `ipVersion` (ICMP is
 * IPv4's, ICMPv6 IPv6's) take out what they exclude.
 */
export function ruleProtocols(rule: CalicoRule): ConnectionSet {
  const protocol = rule.protocol ? interpretProtocol(rule.protocol.value).number : undefined;
  const excluded = rule.notProtocol ? interpretProtocol(rule.notProtocol.value).number : undefined;
  let set = rule.protocol === undefined ? ALL_CONNECTIONS : protocolConnections(protocol);
  if (excluded !== undefined) set = subtractConnections(set, protocolConnections(excluded));
  if (rule.icmp) set = intersectConnections(set, { ...ALL_CONNECTIONS, ...icmpOnly(rule.icmp) });
  if (rule.notICMP) set = subtractConnections(set, { ...NO_CONNECTIONS, ...icmpOnly(rule.notICMP) });
  const version = rule.ipVersion?.value;
  if (version === 4) set = { ...set, ICMPv6: NO_ICMP };
  if (version === 6) set = { ...set, ICMP: NO_ICMP };
  return set;
}

/**
 * Felix renders a rule once per IP version and leaves an ICMP rule out of IPv6 (an
 * ICMPv6 rule out of IPv4), so such a rule only ever meets addresses of its family.
 */
export function impliedIpVersion(protocols: ConnectionSet): 4 | 6 | undefined {
  const only = (part: keyof ConnectionSet): boolean => (Object.keys(protocols) as (keyof ConnectionSet)[]).every((p) => p === part || protocols[p].length === 0);
  if (protocols.ICMP.length > 0 && only('ICMP')) return 4;
  if (protocols.ICMPv6.length > 0 && only('ICMPv6')) return 6;
  return undefined;
}

/** All of one protocol, by number; nothing for a number Calico rejects (the checks say so). */
function protocolConnections(number: number | undefined): ConnectionSet {
  if (number === undefined) return NO_CONNECTIONS;
  const named = NAMED_PROTOCOL_NUMBERS[number];
  if (named === 'ICMP' || named === 'ICMPv6') return icmpConnections(named, ALL_ICMP);
  if (named !== undefined) return connectionsOf(named, ALL_PORTS);
  return otherConnections(otherProtocol(number));
}

/** An `icmp` (or `notICMP`) match: the same types and codes of ICMP and ICMPv6; the rule's protocol says which. */
function icmpOnly(match: IcmpMatch): Pick<ConnectionSet, 'ICMP' | 'ICMPv6'> {
  const messages = icmpMessages(match.type?.value, match.code?.value);
  return { ICMP: messages, ICMPv6: messages };
}

export function compileNets(nets: ListField<Field<string>> | undefined): IpRange[] | undefined {
  if (!nets || nets.items.length === 0) return undefined;
  const ranges: IpRange[] = [];
  for (const net of nets.items) {
    const parsed = parseNet(net.value);
    if (parsed) ranges.push(rangeOf(parsed));
  }
  return ranges;
}

export function compileCalicoPorts(ports: ListField<CalicoPort> | undefined): CalicoPorts | undefined {
  if (!ports || ports.items.length === 0) return undefined;
  let numbers: PortSet = NO_PORTS;
  const names: string[] = [];
  for (const port of ports.items) {
    if ((port.kind === 'single' || port.kind === 'range') && port.min !== undefined && port.max !== undefined) numbers = unionPorts(numbers, portRange(port.min, port.max));
    else if (port.kind === 'named' && port.name !== undefined) names.push(port.name);
  }
  return { numbers, names };
}

/** The rule's connections when no named port makes them depend on the destination pod. */
export function uniformConnections(protocols: ConnectionSet, to: CompiledEntity): ConnectionSet | undefined {
  if ((to.ports?.names.length ?? 0) > 0 || (to.notPorts?.names.length ?? 0) > 0) return undefined;
  return destinationConnections(protocols, to, []);
}

/** `containerPorts`: the destination pod's declared ports (none for an address outside the cluster). */
function destinationConnections(protocols: ConnectionSet, to: CompiledEntity, containerPorts: readonly DeclaredPort[]): ConnectionSet {
  if (!to.ports && !to.notPorts) return protocols;
  // Ports need TCP, UDP or SCTP (the checks reject them otherwise), so the other parts are already empty.
  const set: { -readonly [K in keyof ConnectionSet]: ConnectionSet[K] } = { ...protocols };
  for (const p of PROTOCOLS) {
    if (protocols[p].length === 0) continue;
    const allowed = to.ports ? portsFor(to.ports, p, containerPorts) : ALL_PORTS;
    set[p] = to.notPorts ? subtractPorts(allowed, portsFor(to.notPorts, p, containerPorts)) : allowed;
  }
  return set;
}

function portsFor(ports: CalicoPorts, protocol: Protocol, containerPorts: readonly DeclaredPort[]): PortSet {
  let set = ports.numbers;
  for (const name of ports.names) set = unionPorts(set, resolveNamedPort(name, protocol, containerPorts));
  return set;
}
