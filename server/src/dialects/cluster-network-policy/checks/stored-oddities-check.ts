/**
 * What the API server stores although it cannot work as written: the CRDs do not
 * check label selectors, v1alpha1 ranges or protocols, host bits in networks, or an
 * empty port name. Warnings, since the object is stored; reachability reads each
 * as the implementations would (a selector they cannot parse, an empty range or an
 * unknown port name matches nothing).
 */
import type { Finding } from '../../../core/finding';
import { cidrOrUndefined, formatCidr } from '../../../core/net/cidr';
import { compileSelector } from '../../../model/selectors';
import type { LabelSelector } from '../../../model/types';
import type { ClusterPolicy, Selection } from '../model/types';
import { reporter, type Report } from './report';

export function storedOdditiesFindings(policy: ClusterPolicy): Finding[] {
  const report = reporter(policy);
  const findings: Finding[] = [];
  const selections: Selection[] = [...(policy.spec?.subject ? [policy.spec.subject] : [])];
  for (const rule of [...(policy.spec?.ingress?.items ?? []), ...(policy.spec?.egress?.items ?? [])]) {
    for (const peer of rule.peers?.items ?? []) {
      selections.push(peer);
      for (const network of peer.networks?.items ?? []) {
        const cidr = cidrOrUndefined(network.value);
        if (cidr?.hostBitsSet) findings.push(report('cnp/cidr-host-bits', 'warning', `"${network.value}" has host bits set: it means the network ${formatCidr(cidr)}.`, network.span, { replacement: formatCidr(cidr) }));
      }
      if (peer.domainNames && rule.action && rule.action.value !== 'Allow' && rule.action.value !== 'Accept') {
        findings.push(report('cnp/domain-names-action', 'warning', `domainNames are meant for ${policy.version === 'v1alpha2' ? 'Accept' : 'Allow'} rules: implementations may ignore them in a ${rule.action.value} rule.`, peer.domainNames.keySpan));
      }
    }
    for (const port of rule.ports?.items ?? []) {
      if (port.kind === 'named' && port.name?.value === '') findings.push(report('cnp/empty-port-name', 'warning', 'No container port has an empty name: this entry matches nothing.', port.name.span));
    }
  }
  for (const selection of selections) {
    for (const selector of [selection.namespaces, selection.nodes, selection.pods?.namespaceSelector, selection.pods?.podSelector]) findings.push(...selectorFindings(selector, report));
  }
  return findings;
}

function selectorFindings(selector: LabelSelector | undefined, report: Report): Finding[] {
  if (!selector) return [];
  const problems = compileSelector(selector).problems;
  return problems.map((p) => report('cnp/selector-invalid', 'warning', `The API server stores this selector unchecked, but no implementation can use it (${p.message}): it matches nothing.`, p.span));
}
