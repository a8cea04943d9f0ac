/**
 * Unknown fields of spec and rules, with the field meant when it is one typo away or
 * the other version's name (`ports` in v1alpha2 is `protocols`). kubectl's strict
 * field validation refuses the object; with validation off the field would be
 * dropped silently, which can widen a rule.
 */
import type { Finding } from '../../../core/finding';
import { editDistance } from '../../../core/text/edit-distance';
import type { Field } from '../../../model/types';
import type { ClusterPolicy } from '../model/types';
import { reporter, type Report } from './report';
import { rulesOf } from './versions';

/** The other version's name for a field. */
const OTHER_VERSION: Readonly<Record<string, string>> = { ports: 'protocols', protocols: 'ports' };

export function fieldsFindings(policy: ClusterPolicy): Finding[] {
  const spec = policy.spec;
  if (!spec) return [];
  const report = reporter(policy);
  const specKeys = policy.kind === 'ClusterNetworkPolicy' ? ['tier', 'priority', 'subject', 'ingress', 'egress'] : policy.kind === 'AdminNetworkPolicy' ? ['priority', 'subject', 'ingress', 'egress'] : ['subject', 'ingress', 'egress'];
  const findings = unknown(spec.keys, specKeys, 'spec', policy, report);
  const portsKey = rulesOf(policy).portsKey;
  for (const rule of [...(spec.ingress?.items ?? []), ...(spec.egress?.items ?? [])]) {
    const allowed = ['name', 'action', rule.direction === 'ingress' ? 'from' : 'to', portsKey];
    findings.push(...unknown(rule.keys, allowed, `spec.${rule.direction}[${rule.index}]`, policy, report));
  }
  return findings;
}

function unknown(keys: readonly Field<string>[], allowed: readonly string[], path: string, policy: ClusterPolicy, report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const key of keys) {
    if (allowed.includes(key.value)) continue;
    if (key.value === 'priority' && policy.kind === 'BaselineAdminNetworkPolicy') continue; // reported with the object
    const other = OTHER_VERSION[key.value];
    const meant = other && allowed.includes(other) ? other : allowed.find((a) => editDistance(a.toLowerCase(), key.value.toLowerCase()) <= 2);
    const hint = meant ? ` Did you mean "${meant}"?${other === meant ? ` (${policy.kind} ${policy.version} writes "${meant}".)` : ''}` : ` ${path} takes ${allowed.map((a) => `"${a}"`).join(', ')}.`;
    findings.push(report('cnp/unknown-field', 'error', `${path}.${key.value}: unknown field "${path}.${key.value}".${hint}`, key.span, { ...(meant && { replacement: meant }) }));
  }
  return findings;
}
