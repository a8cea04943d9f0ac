/**
 * `nets` / `notNets`: each entry a CIDR or address with no host bits set, one IP
 * version per rule, and the version `ipVersion` asks for. These mirror the checks
 * of Calico's rule validator.
 */
import type { Finding } from '../../../core/finding';
import { formatCidr } from '../../../core/net/cidr';
import { parseNet } from '../model/cidr';
import type { CalicoRule, Field, ListField } from '../model/types';
import { perRuleCheck, type Report } from './check';
import { rulePath } from './rule-check';

export const netsCheck = perRuleCheck('nets', checkRule);

function checkRule(rule: CalicoRule, report: Report): Finding[] {
  const findings: Finding[] = [];
  let seen4 = false;
  let seen6 = false;
  for (const entity of ['source', 'destination'] as const) {
    for (const field of ['nets', 'notNets'] as const) {
      const list = rule[entity]?.[field];
      if (!list) continue;
      const path = `${rulePath(rule)}.${entity}.${field}`;
      const { v4, v6, problems } = scanNets(list, path, report);
      findings.push(...problems);
      const version = rule.ipVersion?.value;
      if ((version === 4 || version === 6) && ((v4 && version !== 4) || (v6 && version !== 6))) {
        const message = `This rule has "ipVersion: ${version}", but "${field}" holds IPv${version === 4 ? 6 : 4} addresses.`;
        findings.push(report('calico/ip-version-mismatch', 'error', message, list.keySpan, { path }));
      }
      if ((v4 && seen6) || (v6 && seen4) || (v4 && v6)) {
        const message = `A rule cannot mix IPv4 and IPv6 addresses in its nets and notNets: split it into one rule per IP version.`;
        findings.push(report('calico/mixed-ip-versions', 'error', message, list.keySpan, { path }));
      }
      seen4 ||= v4;
      seen6 ||= v6;
    }
  }
  return findings;
}

function scanNets(list: ListField<Field<string>>, path: string, report: Report): { v4: boolean; v6: boolean; problems: Finding[] } {
  let v4 = false;
  let v6 = false;
  const problems: Finding[] = [];
  for (const item of list.items) {
    const net = parseNet(item.value);
    if (!net) {
      problems.push(report('calico/invalid-cidr', 'error', `"${item.value}" is not a valid CIDR or IP address.`, item.span, { path, value: item.value }));
      continue;
    }
    v4 ||= net.family === 4;
    v6 ||= net.family === 6;
    if (net.hostBitsSet) {
      const masked = formatCidr(net);
      const message = `"${item.value}" has host bits set after the /${net.prefix} prefix; Calico accepts only the network address: "${masked}".`;
      problems.push(report('calico/invalid-cidr', 'error', message, item.span, { path, value: item.value, replacement: masked }));
    }
  }
  return { v4, v6, problems };
}
