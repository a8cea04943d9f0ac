/**
 * A set of allowed connections: for each protocol NetworkPolicy knows (TCP, UDP,
 * SCTP), a set of ports. "All Connections" is every port of all three, which is
 * what a rule without `ports` allows.
 */
import { ALL_PORTS, formatPorts, intersectPorts, isAllPorts, isEmptyPorts, NO_PORTS, portsContain, samePorts, subtractPorts, unionPorts, type PortSet } from './port-set';

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export type ConnectionSet = Readonly<Record<Protocol, PortSet>>;

export const NO_CONNECTIONS: ConnectionSet = { SCTP: NO_PORTS, TCP: NO_PORTS, UDP: NO_PORTS };
export const ALL_CONNECTIONS: ConnectionSet = { SCTP: ALL_PORTS, TCP: ALL_PORTS, UDP: ALL_PORTS };

export function isProtocol(value: string): value is Protocol {
  return (PROTOCOLS as readonly string[]).includes(value);
}

export function connectionsOf(protocol: Protocol, ports: PortSet): ConnectionSet {
  return { ...NO_CONNECTIONS, [protocol]: ports };
}

export function unionConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { SCTP: unionPorts(a.SCTP, b.SCTP), TCP: unionPorts(a.TCP, b.TCP), UDP: unionPorts(a.UDP, b.UDP) };
}

export function intersectConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { SCTP: intersectPorts(a.SCTP, b.SCTP), TCP: intersectPorts(a.TCP, b.TCP), UDP: intersectPorts(a.UDP, b.UDP) };
}

/** The connections of `a` that `b` does not hold: what is left after a rule decided `b`. */
export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { SCTP: subtractPorts(a.SCTP, b.SCTP), TCP: subtractPorts(a.TCP, b.TCP), UDP: subtractPorts(a.UDP, b.UDP) };
}

export function isNoConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => isEmptyPorts(set[p]));
}

export function isAllConnections(set: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => isAllPorts(set[p]));
}

export function sameConnections(a: ConnectionSet, b: ConnectionSet): boolean {
  return PROTOCOLS.every((p) => samePorts(a[p], b[p]));
}

export function allowsPort(set: ConnectionSet, protocol: Protocol, port: number): boolean {
  return portsContain(set[protocol], port);
}

/**
 * netpol-analyzer's connlist text: `All Connections`, `No Connections`, or
 * protocols in alphabetical order with their ports: `SCTP 7070,TCP 8080-8081,UDP 9090`.
 */
export function formatConnections(set: ConnectionSet): string {
  if (isAllConnections(set)) return 'All Connections';
  const parts = PROTOCOLS.filter((p) => !isEmptyPorts(set[p])).map((p) => `${p} ${formatPorts(set[p])}`);
  return parts.length === 0 ? 'No Connections' : parts.join(',');
}

/** A canonical key: equal sets have equal keys (port sets are kept merged). */
export function connectionKey(set: ConnectionSet): string {
  return `${set.SCTP.join(',')}|${set.TCP.join(',')}|${set.UDP.join(',')}`;
}
