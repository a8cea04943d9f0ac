/**
 * Whether one rule's `ports` let a given port through, as the checks that look for
 * a well-known service (cluster DNS, the metadata endpoint) ask it: from the rule
 * alone, with no pods to resolve named ports against.
 */
import type { PolicyRule } from '../../../model/types';

/**
 * No `ports` list (or an empty one) admits everything; otherwise some entry must
 * name `protocol` (TCP when omitted) and either no port, `port` itself or a range
 * holding it, or the port name `name` when the caller knows the service's usual name.
 */
export function portsAdmit(rule: PolicyRule, protocol: 'TCP' | 'UDP', port: number, name?: string): boolean {
  const ports = rule.ports;
  if (!ports || ports.node.kind !== 'seq' || ports.node.items.length === 0) return true;
  return ports.items.some((p) => {
    if ((p.protocol?.value ?? 'TCP') !== protocol) return false;
    const value = p.port?.value;
    if (value === undefined) return true;
    if (typeof value === 'string') return name !== undefined && value === name;
    return value === port || (p.endPort !== undefined && value <= port && port <= p.endPort.value);
  });
}
