/**
 * Ports in `source` / `destination`: each entry must be a valid port, range or
 * port name, and the rule must name a protocol that has ports (TCP, UDP or SCTP:
 * Calico's validator accepts no other, not even UDPLite).
 */
import type { Finding } from '../../../core/finding';
import { interpretProtocol } from '../model/protocol';
import type { CalicoPort, CalicoRule, ListField } from '../model/types';
import { perRuleCheck, type Report } from './check';
import { rulePath } from './rule-check';

export const portsCheck = perRuleCheck('ports', checkRule);

function checkRule(rule: CalicoRule, report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const entity of ['source', 'destination'] as const) {
    for (const field of ['ports', 'notPorts'] as const) {
      const list = rule[entity]?.[field];
      if (!list) continue;
      const path = `${rulePath(rule)}.${entity}.${field}`;
      const missing = list.items.length > 0 ? protocolProblem(rule, field) : undefined;
      if (missing) findings.push(report('calico/ports-without-protocol', 'error', missing, list.keySpan, { path, entity, field, ...(rule.protocol && { protocol: rule.protocol.value }) }));
      findings.push(...invalidPorts(list, path, report));
    }
  }
  return findings;
}

function protocolProblem(rule: CalicoRule, field: 'ports' | 'notPorts'): string | undefined {
  if (!rule.protocol) return `"${field}" need a protocol: add "protocol: TCP" (or UDP or SCTP) to this rule. Calico rejects ports on a rule without one.`;
  const info = interpretProtocol(rule.protocol.value);
  // An invalid protocol is reported on its own; saying more here would only repeat it.
  if (info.problem || info.supportsPorts) return undefined;
  const name = info.name ?? `protocol ${info.number}`;
  return `${name} has no ports: "${field}" only work with protocol TCP, UDP or SCTP.`;
}

function invalidPorts(list: ListField<CalicoPort>, path: string, report: Report): Finding[] {
  return list.items.filter((port) => port.problem).map((port) => report('calico/invalid-port', 'error', port.problem!, port.span, { path, value: port.raw.value }));
}
