/**
 * The parts of a Calico rule that decide which connections it matches:
 * protocols, destination ports (exact port sets per protocol, named ports
 * resolved against the destination pod), and nets as address ranges.
 */
import { parseNet } from '../model/cidr';
import { interpretProtocol } from '../model/protocol';
import type { CalicoPort, CalicoRule, Field, ListField } from '../model/types';
import type { CalicoPorts, CompiledEntity } from './types';
import { NO_CONNECTIONS, PROTOCOLS, type ConnectionSet, type Protocol } from '../../../ir/connection-set';
import { rangeOf, type IpRange } from '../../../ir/ip-range';
import { ALL_PORTS, NO_PORTS, portRange, subtractPorts, unionPorts, type PortSet } from '../../../ir/port-set';
import { resolveNamedPort, type DeclaredPort } from '../../../ir/rule-ports';

const BY_NUMBER: Readonly<Record<number, Protocol>> = { 6: 'TCP', 17: 'UDP', 132: 'SCTP' };

/**
 * The protocols a rule matches, as a connection set with every port: all three
 * without `protocol`, one of them for TCP/UDP/SCTP, none for ICMP and the rest
 * (this engine tracks TCP, UDP and SCTP only), minus `notProtocol`.
 */
export function ruleProtocols(rule: CalicoRule): ConnectionSet {
  const protocol = rule.protocol ? interpretProtocol(rule.protocol.value).number : undefined;
  const excluded = rule.notProtocol ? interpretProtocol(rule.notProtocol.value).number : undefined;
  const set: Record<Protocol, PortSet> = { SCTP: NO_PORTS, TCP: NO_PORTS, UDP: NO_PORTS };
  for (const p of PROTOCOLS) {
    const written = rule.protocol === undefined || BY_NUMBER[protocol ?? -1] === p;
    if (written && BY_NUMBER[excluded ?? -1] !== p) set[p] = ALL_PORTS;
  }
  return set;
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
  const set: Record<Protocol, PortSet> = { ...NO_CONNECTIONS };
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
