/**
 * A set of allowed connections: for each protocol with ports (TCP, UDP, SCTP) a
 * set of destination ports, for ICMP and ICMPv6 a set of messages (type and
 * code, icmp-set.ts), and a set of the other IP protocols by number
 * (other-protocols.ts). "All Connections" is all of every part, which is what a
 * rule without ports or protocols allows in every dialect; a Kubernetes port
 * names TCP, UDP or SCTP only, so Kubernetes rules never reach the other parts
 * but through "all".
 */
import { ALL_ICMP, formatIcmp, icmpContains, NO_ICMP, type IcmpSet } from './icmp-set';
import { ALL_OTHER_PROTOCOLS, formatOtherProtocols, NO_OTHER_PROTOCOLS, type ProtocolNumberSet } from './other-protocols';
import { ALL_PORTS, formatPorts, intersectPorts, isAllPorts, isEmptyPorts, NO_PORTS, portsContain, samePorts, subtractPorts, unionPorts, type PortSet } from './port-set';

/** The protocols with ports, in the order connlists print them. */
export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const ICMP_PROTOCOLS = ['ICMP', 'ICMPv6'] as const;
export type IcmpProtocol = (typeof ICMP_PROTOCOLS)[number];

export interface ConnectionSet extends Readonly<Record<Protocol, PortSet>>, Readonly<Record<IcmpProtocol, IcmpSet>> {
  /** Protocol numbers other than the named ones. */
  readonly other: ProtocolNumberSet;
}

/** Every part of a connection set; each is a sorted interval list, so one arithmetic serves all. */
type Part = Protocol | IcmpProtocol | 'other';
const PARTS: readonly Part[] = ['ICMP', 'ICMPv6', 'SCTP', 'TCP', 'UDP', 'other'];

export const NO_CONNECTIONS: ConnectionSet = { ICMP: NO_ICMP, ICMPv6: NO_ICMP, SCTP: NO_PORTS, TCP: NO_PORTS, UDP: NO_PORTS, other: NO_OTHER_PROTOCOLS };
export const ALL_CONNECTIONS: ConnectionSet = { ICMP: ALL_ICMP, ICMPv6: ALL_ICMP, SCTP: ALL_PORTS, TCP: ALL_PORTS, UDP: ALL_PORTS, other: ALL_OTHER_PROTOCOLS };

export function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

export function connectionsOf(protocol: Protocol, ports: PortSet): ConnectionSet {
  return { ...NO_CONNECTIONS, [protocol]: ports };
}

/** The ICMP (or ICMPv6) messages of `messages`, and nothing else. */
export function icmpConnections(protocol: IcmpProtocol, messages: IcmpSet): ConnectionSet {
  return { ...NO_CONNECTIONS, [protocol]: messages };
}

/** The other IP protocols of `numbers`, and nothing else. */
export function otherConnections(numbers: ProtocolNumberSet): ConnectionSet {
  return { ...NO_CONNECTIONS, other: numbers };
}

// Written out part by part: these run on the engine's hot path (through the connection table's misses).
export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return {
    ICMP: unionPorts(a.ICMP, b.ICMP),
    ICMPv6: unionPorts(a.ICMPv6, b.ICMPv6),
    SCTP: unionPorts(a.SCTP, b.SCTP),
    TCP: unionPorts(a.TCP, b.TCP),
    UDP: unionPorts(a.UDP, b.UDP),
    other: unionPorts(a.other, b.other),
  };
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return {
    ICMP: intersectPorts(a.ICMP, b.ICMP),
    ICMPv6: intersectPorts(a.ICMPv6, b.ICMPv6),
    SCTP: intersectPorts(a.SCTP, b.SCTP),
    TCP: intersectPorts(a.TCP, b.TCP),
    UDP: intersectPorts(a.UDP, b.UDP),
    other: intersectPorts(a.other, b.other),
  };
}

/** The connections of `a` that `b` does not hold: what is left after a rule decided `b`. */
export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return {
    ICMP: subtractPorts(a.ICMP, b.ICMP),
    ICMPv6: subtractPorts(a.ICMPv6, b.ICMPv6),
    SCTP: subtractPorts(a.SCTP, b.SCTP),
    TCP: subtractPorts(a.TCP, b.TCP),
    UDP: subtractPorts(a.UDP, b.UDP),
    other: subtractPorts(a.other, b.other),
  };
}

export function isNoConnections(set: ConnectionSet): boolean {
  return PARTS.every((p) => isEmptyPorts(set[p]));
}

export function isAllConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => isAllPorts(set[p])) && samePorts(set.ICMP, ALL_ICMP) && samePorts(set.ICMPv6, ALL_ICMP) && samePorts(set.other, ALL_OTHER_PROTOCOLS);
}

export function sameConnections(a: ConnectionSet, b: ConnectionSet): boolean {
  return PARTS.every((p) => samePorts(a[p], b[p]));
}

export function allowsPort(set: ConnectionSet, protocol: Protocol, port: number): boolean {
  return portsContain(set[protocol], port);
}

export function allowsIcmp(set: ConnectionSet, protocol: IcmpProtocol, type: number, code: number): boolean {
  return icmpContains(set[protocol], type, code);
}

export function allowsProtocolNumber(set: ConnectionSet, number: number): boolean {
  return portsContain(set.other, number);
}

/**
 * netpol-analyzer's connlist text, grown by the parts it does not know:
 * `All Connections`, `No Connections`, or the named protocols in alphabetical
 * order (ICMP, ICMPv6, SCTP, TCP, UDP) and then the other protocols:
 * `ICMP type 8 code 0,SCTP 7070,TCP 8080-8081,UDP 9090,protocol 47`.
 */
export function formatConnections(set: ConnectionSet): string {
  if (isAllConnections(set)) return 'All Connections';
  const parts: string[] = [];
  for (const p of ICMP_PROTOCOLS) if (!isEmptyPorts(set[p])) parts.push(formatIcmp(p, set[p]));
  for (const p of PROTOCOLS) if (!isEmptyPorts(set[p])) parts.push(`${p} ${formatPorts(set[p])}`);
  if (!isEmptyPorts(set.other)) parts.push(formatOtherProtocols(set.other));
  return parts.length === 0 ? 'No Connections' : parts.join(',');
}

/** A canonical key: equal sets have equal keys (every part is kept merged). */
export function connectionKey(set: ConnectionSet): string {
  return `${set.SCTP.join(',')}|${set.TCP.join(',')}|${set.UDP.join(',')}|${set.ICMP.join(',')}|${set.ICMPv6.join(',')}|${set.other.join(',')}`;
}
