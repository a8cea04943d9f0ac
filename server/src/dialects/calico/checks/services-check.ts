/**
 * Service matches and HTTP matches, which Calico allows only in certain places:
 * `services` in an ingress rule's source or an egress rule's destination, alone
 * (no selectors, nets or service accounts beside it, no destination ports); HTTP
 * matches only on ingress Allow rules over TCP.
 */
import type { Finding } from '../../../core/finding';
import { interpretProtocol } from '../model/protocol';
import type { CalicoPolicy, CalicoRule, EntityRule } from '../model/types';
import { perRuleCheck, type Report } from './check';
import { rulePath } from './rule-check';

export const servicesCheck = perRuleCheck('services', (rule, report, policy) => [...checkServices(policy, rule, report), ...checkHttp(rule, report)]);

function checkServices(policy: CalicoPolicy, rule: CalicoRule, report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const entity of ['source', 'destination'] as const) {
    const match = rule[entity];
    const services = match?.services;
    if (!match || !services) continue;
    const path = `${rulePath(rule)}.${entity}.services`;
    const allowedHere = rule.direction === 'ingress' ? 'source' : 'destination';
    if (entity !== allowedHere) {
      findings.push(report('calico/services-conflict', 'error', `"services" is not allowed in an ${rule.direction} rule's ${entity}: use it in the ${allowedHere}.`, services.keySpan, { path }));
    }
    if (!services.name?.value) findings.push(report('calico/services-conflict', 'error', '"services" must name a service.', services.keySpan, { path }));
    if (policy.kind === 'GlobalNetworkPolicy' && !services.namespace?.value) {
      findings.push(report('calico/services-conflict', 'error', 'In a GlobalNetworkPolicy, "services" must name the service\'s namespace too.', services.keySpan, { path }));
    }
    const others = conflictingFields(match, entity);
    if (others.length > 0) {
      const message = `"services" cannot be combined with ${others.map((f) => `"${f}"`).join(', ')} in the same ${entity}.`;
      findings.push(report('calico/services-conflict', 'error', message, services.keySpan, { path, fields: others }));
    }
  }
  return findings;
}

function conflictingFields(match: EntityRule, entity: 'source' | 'destination'): string[] {
  const fields: string[] = [];
  if (match.namespaceSelector?.text) fields.push('namespaceSelector');
  if (match.selector?.text) fields.push('selector');
  if (match.notSelector?.text) fields.push('notSelector');
  if (match.serviceAccounts) fields.push('serviceAccounts');
  if ((match.nets?.items.length ?? 0) > 0) fields.push('nets');
  if ((match.notNets?.items.length ?? 0) > 0) fields.push('notNets');
  // Destination services use the ports of the service's endpoints.
  if (entity === 'destination' && (match.ports?.items.length ?? 0) > 0) fields.push('ports');
  if (entity === 'destination' && (match.notPorts?.items.length ?? 0) > 0) fields.push('notPorts');
  return fields;
}

function checkHttp(rule: CalicoRule, report: Report): Finding[] {
  if (!rule.http) return [];
  const path = `${rulePath(rule)}.http`;
  const findings: Finding[] = [];
  if (rule.direction === 'egress') findings.push(report('calico/http-match', 'error', 'HTTP matches are not allowed in egress rules.', rule.http.keySpan, { path }));
  if (rule.action && rule.action.value !== 'Allow') findings.push(report('calico/http-match', 'error', 'HTTP matches are only valid on Allow rules.', rule.http.keySpan, { path }));
  const protocol = rule.protocol ? interpretProtocol(rule.protocol.value) : undefined;
  if (protocol && !protocol.problem && protocol.number !== 6) {
    findings.push(report('calico/http-match', 'error', 'A rule with an HTTP match must have protocol TCP, or none.', rule.protocol!.span, { path }));
  }
  return findings;
}
