/**
 * The connections a rule matches: protocols and destination ports, with named
 * ports resolved against the destination pod's declared container ports (name and
 * protocol must both match; an address outside the cluster declares none).
 */
import { ALL_CONNECTIONS, NO_CONNECTIONS, PROTOCOLS, type ConnectionSet, type Protocol } from './connection-set';
import { NO_PORTS, portRange, subtractPorts, unionPorts, type PortSet } from './port-set';

/** A container port a pod declares. */
export interface DeclaredPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
}

/** Port numbers and port names, for each of `protocols`. */
export interface PortTerm {
  readonly protocols: readonly Protocol[];
  readonly numbers: PortSet;
  readonly names: readonly string[];
}

export interface RulePorts {
  /** Null: every protocol and port. */
  readonly terms: readonly PortTerm[] | null;
  /** Taken out of what `terms` match (a dialect's port exclusions). */
  readonly except: readonly PortTerm[];
}

export const ALL_RULE_PORTS: RulePorts = { terms: null, except: [] };

export function resolveNamedPort(name: string, protocol: string, declared: readonly DeclaredPort[]): PortSet {
  let ports: PortSet = NO_PORTS;
  for (const p of declared) if (p.name === name && p.protocol === protocol) ports = unionPorts(ports, portRange(p.port));
  return ports;
}

function termsPorts(terms: readonly PortTerm[], protocol: Protocol, declared: readonly DeclaredPort[]): PortSet {
  let set: PortSet = NO_PORTS;
  for (const term of terms) {
    if (!term.protocols.includes(protocol)) continue;
    set = unionPorts(set, term.numbers);
    for (const name of term.names) set = unionPorts(set, resolveNamedPort(name, protocol, declared));
  }
  return set;
}

/**
 * What the ports match towards a destination that declares `declared`. Without
 * terms that is every connection, ICMP and the other protocols too; terms name
 * protocols with ports, so with terms the other parts stay empty.
 */
export function portsConnections(ports: RulePorts, declared: readonly DeclaredPort[]): ConnectionSet {
  if (ports.terms === null && ports.except.length === 0) return ALL_CONNECTIONS;
  const set: { -readonly [K in keyof ConnectionSet]: ConnectionSet[K] } = { ...(ports.terms === null ? ALL_CONNECTIONS : NO_CONNECTIONS) };
  for (const p of PROTOCOLS) {
    const included = ports.terms === null ? ALL_CONNECTIONS[p] : termsPorts(ports.terms, p, declared);
    set[p] = ports.except.length === 0 || included.length === 0 ? included : subtractPorts(included, termsPorts(ports.except, p, declared));
  }
  return set;
}
