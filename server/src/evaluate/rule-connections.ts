/**
 * What one rule allows towards one destination: its ports, with named ports
 * resolved against the destination pod's declared container ports (name and
 * protocol must both match). External destinations have no named ports.
 */
import { ALL_CONNECTIONS, connectionsOf, NO_CONNECTIONS, unionConnections, type ConnectionSet } from '../ir/connection-set';
import { portRange, unionPorts, type PortSet } from '../ir/port-set';
import type { PodClassView } from './pod-classes';
import type { CompiledPort, CompiledRule, ReachContainerPort } from './types';

/** `destination` is a pod class index, or any index past the classes for an external range. */
export function ruleConnectionSet(model: PodClassView, rule: CompiledRule, destination: number): ConnectionSet {
  if (rule.uniform) return rule.uniform;
  if (rule.ports === null) return ALL_CONNECTIONS;
  const ports = destination >= 0 && destination < model.classCount ? model.classes[destination]!.workload.ports : [];
  let set = NO_CONNECTIONS;
  for (const port of rule.ports) set = unionConnections(set, portConnections(port, ports));
  return set;
}

export function portConnections(port: CompiledPort, containerPorts: readonly ReachContainerPort[]): ConnectionSet {
  if (port.kind === 'numbers') return connectionsOf(port.protocol, port.ports);
  return connectionsOf(port.protocol, resolveNamedPort(port.name, port.protocol, containerPorts));
}

export function resolveNamedPort(name: string, protocol: string, containerPorts: readonly ReachContainerPort[]): PortSet {
  let ports: PortSet = [];
  for (const p of containerPorts) if (p.name === name && p.protocol === protocol) ports = unionPorts(ports, portRange(p.port));
  return ports;
}
